using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Site.Tests.Builders;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Site.Tests.Features.Orders;

/// <summary>
/// Orders placed the way the checkout places them (through <see cref="OrderPlacement"/>), on whatever services a
/// test runs: a vase from Bát Tràng (two, with options) and a scarf from Vạn Phúc, delivered to Hà Nội.
/// </summary>
public sealed class OrderFixture(IServiceProvider services)
{
    public const long VasePrice = 1_250_000;
    public const long ScarfPrice = 380_000;
    public const long Shipping = 45_000;

    /// <summary>2 × 1,250,000 + 380,000 + 45,000 delivery.</summary>
    public const long Total = 2_925_000;

    /// <summary>10% VAT contained in <see cref="Total"/>.</summary>
    public const long Vat = 265_909;

    private readonly ProductBuilder _products = new(services);

    public async Task<Order> PlaceAsync(string culture, PaymentMethod payment, string email = "lan@example.vn", string name = "Nguyễn Thị Lan", bool twoCentres = true)
    {
        var vase = await _products.CreateAsync("bat-trang", VasePrice, stock: 10);
        await WithOptionsAsync(vase.Id);
        var scarf = await _products.CreateAsync("van-phuc", ScarfPrice, stock: 10, ProductCategory.Silk);
        List<OrderRequestLine> lines = twoCentres ? [new(vase.Id, 2), new(scarf.Id, 1)] : [new(vase.Id, 2)];
        var request = new OrderRequest(lines, payment, new Buyer(name, email, "0912 345 678"), new Delivery("nationwide", Shipping, "ha-noi", "Phường Hoàn Kiếm", "1 Tràng Tiền", null), culture);
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<OrderPlacement>().PlaceAsync(request);
        Assert.True(result.Succeeded, result.Status.ToString());
        return result.Order!;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, AppDbContext, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task InScopeAsync(Func<IServiceProvider, AppDbContext, Task> work) =>
        InScopeAsync(async (sp, db) =>
        {
            await work(sp, db);
            return true;
        });

    private async Task WithOptionsAsync(int variantId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Set<ProductVariant>().Where(v => v.Id == variantId).ExecuteUpdateAsync(s => s
            .SetProperty(v => v.Size, "Cỡ lớn").SetProperty(v => v.Colour, "Men lam")
            .SetProperty(v => v.SizeEn, "Large").SetProperty(v => v.ColourEn, "Blue glaze"));
    }
}
