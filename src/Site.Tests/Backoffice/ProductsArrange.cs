using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Stock;
using VillageCraftPortal.Site.Tests.Builders;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Backoffice.Audit;

namespace VillageCraftPortal.Site.Tests.Backoffice;

/// <summary>
/// Products of a <see cref="BackofficeSite"/> arranged and read through the database and the shop's own services
/// (not the backoffice pages, which are what the tests exercise).
/// </summary>
public static class ProductsArrange
{
    private static int _counter;

    /// <summary>A unique word no other product carries, to find it on a page (or prove it absent).</summary>
    public static string NewSecret() => $"sp{Interlocked.Increment(ref _counter):D4}x{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>A product of the village with one variant (its Vietnamese size "Cỡ vừa") and opening stock; the secret is in both names.</summary>
    public static async Task<ProductVariant> CreateProductAsync(this BackofficeSite site, string village, string secret, long price = 450_000, int stock = 10, string category = ProductCategory.Ceramics)
    {
        var variant = await new ProductBuilder(site.Factory.Services).CreateAsync(village, price, stock, category);
        await site.QueryAsync(async db =>
        {
            await db.Set<Product>().Where(p => p.Id == variant.ProductId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.NameVi, $"Bình gốm {secret}").SetProperty(p => p.NameEn, $"Vase {secret}"));
            return await db.Set<ProductVariant>().Where(v => v.Id == variant.Id).ExecuteUpdateAsync(s => s.SetProperty(v => v.Size, "Cỡ vừa"));
        });
        return variant;
    }

    public static Task<Product?> FindProductAsync(this BackofficeSite site, int id) =>
        site.QueryAsync(db => db.Set<Product>().AsNoTracking().Include(p => p.Variants).FirstOrDefaultAsync(p => p.Id == id));

    public static async Task<Product> ProductAsync(this BackofficeSite site, int id) =>
        await site.FindProductAsync(id) ?? throw new InvalidOperationException($"Product {id} does not exist.");

    public static Task<ProductVariant?> FindVariantAsync(this BackofficeSite site, int id) =>
        site.QueryAsync(db => db.Set<ProductVariant>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == id));

    public static async Task<ProductVariant> VariantAsync(this BackofficeSite site, int id) =>
        await site.FindVariantAsync(id) ?? throw new InvalidOperationException($"Variant {id} does not exist.");

    public static Task<List<StockLedgerEntry>> LedgerAsync(this BackofficeSite site, int variantId) =>
        site.QueryAsync(db => db.Set<StockLedgerEntry>().AsNoTracking().Where(e => e.VariantId == variantId).OrderBy(e => e.Id).ToListAsync());

    public static Task<List<AuditEntry>> AuditAsync(this BackofficeSite site, string action, string entityId) =>
        site.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == action && a.EntityId == entityId).OrderBy(a => a.Id).ToListAsync());

    /// <summary>Places a cash-on-delivery order of one unit through the shop's own service, as checkout does.</summary>
    public static async Task<PlacementResult> PlaceOrderAsync(this BackofficeSite site, int variantId, int quantity = 1)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrderPlacement>().PlaceAsync(new OrderRequest(
            [new OrderRequestLine(variantId, quantity)],
            PaymentMethod.CashOnDelivery,
            new Buyer("Khách thử", "buyer@test.local", "0912345678"),
            new Delivery("pickup", 0, null, null, null, null),
            "vi"));
    }
}
