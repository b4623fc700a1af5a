using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Stock;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Site.Tests.Builders;

/// <summary>
/// Listed products as the storefront shows them: a name, a village and category, variants with price and stock (the
/// opening stock written to the ledger, as staff would), and anything else through <c>configure</c>.
/// </summary>
public sealed class CatalogueBuilder(IServiceProvider services)
{
    private static int _next;

    /// <summary>A product not yet saved: unique alias and SKUs; one variant at 100.000 ₫ with 10 in stock unless given.</summary>
    public static Product New(string village, string name, string category = ProductCategory.Ceramics, params (long Price, int Stock)[] variants)
    {
        var n = Interlocked.Increment(ref _next);
        var product = new Product
        {
            Alias = $"shop-{village}-{n}",
            VillageCode = village,
            Category = category,
            NameVi = name,
            NameEn = name,
            WeightGrams = 500,
            CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            UpdatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        product.Variants = [.. (variants.Length == 0 ? [(100_000L, 10)] : variants).Select((v, i) => new ProductVariant
        {
            Sku = $"SHOP-{n:00000}-{i}",
            Price = v.Price,
            Available = v.Stock,
            SortOrder = i,
            Size = variants.Length > 1 ? $"Cỡ {i + 1}" : null,
            SizeEn = variants.Length > 1 ? $"Size {i + 1}" : null,
        })];
        return product;
    }

    public async Task<Product> AddAsync(string village, string name, string category = ProductCategory.Ceramics, Action<Product>? configure = null, params (long Price, int Stock)[] variants)
    {
        var product = New(village, name, category, variants);
        configure?.Invoke(product);
        await SaveAsync([product]);
        return product;
    }

    public async Task SaveAsync(IReadOnlyList<Product> products)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.AddRange(products);
        await db.SaveChangesAsync();
        db.AddRange(products.SelectMany(p => p.Variants).Where(v => v.Available > 0).Select(v => new StockLedgerEntry
        {
            VariantId = v.Id,
            Delta = v.Available,
            Reason = StockReason.Adjusted,
            Actor = "test",
            Note = "opening stock",
            At = DateTime.UtcNow,
        }));
        await db.SaveChangesAsync();
    }
}
