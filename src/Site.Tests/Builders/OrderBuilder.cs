using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Commerce.Orders;

namespace VillageCraftPortal.Site.Tests.Builders;

/// <summary>Orders placed as a buyer would, through <see cref="OrderPlacement"/> (stock, holds and notices included).</summary>
public sealed class OrderBuilder(IServiceProvider services)
{
    private static int _next;

    public async Task<Order> PlaceAsync(PaymentMethod payment, params (int VariantId, int Quantity)[] lines) =>
        await PlaceAsync(payment, new Delivery("nationwide", 35_000, "ha-noi", "Phường Hoàn Kiếm", "12 Hàng Bạc", null), lines);

    public async Task<Order> PlaceAsync(PaymentMethod payment, Delivery delivery, params (int VariantId, int Quantity)[] lines)
    {
        var n = Interlocked.Increment(ref _next);
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<OrderPlacement>().PlaceAsync(new OrderRequest(
            [.. lines.Select(l => new OrderRequestLine(l.VariantId, l.Quantity))],
            payment,
            new Buyer($"Người mua {n}", $"buyer{n}@test.local", "0912345678"),
            delivery,
            "vi"));
        Assert.True(result.Succeeded, result.Status.ToString());
        return result.Order!;
    }
}
