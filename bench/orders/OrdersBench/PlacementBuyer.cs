using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Commerce;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Bench.Orders;

/// <summary>
/// Buyers calling <see cref="OrderPlacement"/> directly, each order in its own scope and DbContext as a request
/// would: the cost of the order itself (stock, ledger, holds, notices) without page rendering.
/// </summary>
public static class PlacementBuyer
{
    public static async Task<Func<int, CancellationToken, Task<Func<Task<bool>>>>> FactoryAsync(string provider, string connection, int buyers)
    {
        var services = Services(provider, connection);
        List<int> variants;
        await using (var scope = services.CreateAsyncScope())
        {
            // Two items of at most 2,000,000 ₫ each stay under the cash-on-delivery limit (5,000,000 ₫ by default).
            variants = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ProductVariant>()
                .Where(v => v.Product.IsListed && !v.Product.Perishable && v.Available > 1000 && v.Price <= 2_000_000).Select(v => v.Id).ToListAsync();
        }

        if (variants.Count < 2 || buyers < 1)
        {
            throw new InvalidOperationException("The bench needs listed variants with stock above 1000 (run.sh raises it).");
        }

        return (n, _) => Task.FromResult<Func<Task<bool>>>(async () =>
        {
            var first = variants[Random.Shared.Next(variants.Count)];
            var second = variants[Random.Shared.Next(variants.Count)];
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<OrderPlacement>().PlaceAsync(new OrderRequest(
                [new(first, 1), new(second, 1)],
                PaymentMethod.CashOnDelivery,
                new Buyer($"Khách thử {n}", $"buyer{n}@bench.local", "0912345678"),
                new Delivery("hanoi-courier", 30_000, "ha-noi", "Phường Hoàn Kiếm", "12 Hàng Bạc", null),
                "vi"));
            return result.Succeeded;
        });
    }

    /// <summary>Gives every variant a million in stock, recorded in the ledger, so a run measures orders, not sell-outs.</summary>
    public static async Task RaiseStockAsync(string provider, string connection)
    {
        await using var root = Services(provider, connection);
        await using var scope = root.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var variant in await db.Set<ProductVariant>().ToListAsync())
        {
            var delta = 1_000_000 - variant.Available;
            variant.Available = 1_000_000;
            db.Add(new VillageCraftPortal.Commerce.Stock.StockLedgerEntry { VariantId = variant.Id, Delta = delta, Reason = VillageCraftPortal.Commerce.Stock.StockReason.Adjusted, Actor = "bench", Note = "bench stock", At = DateTime.UtcNow });
        }

        await db.SaveChangesAsync();
    }

    private static ServiceProvider Services(string provider, string connection)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        if (provider == "postgres")
        {
            services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => o.UseNpgsql(DatabaseServiceCollectionExtensions.PostgresConnection(connection)));
        }
        else
        {
            services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o.UseSqlite(connection));
        }

        services.AddCommerce<AppDbContext>();
        return services.BuildServiceProvider();
    }
}
