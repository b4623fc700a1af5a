using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Stock;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Site.Tests.Builders;

/// <summary>Products with one or more variants and their opening stock (written to the ledger, as staff would).</summary>
public sealed class ProductBuilder(IServiceProvider services)
{
    private static int _next;

    public async Task<ProductVariant> CreateAsync(string village, long price, int stock, string category = ProductCategory.Ceramics, bool perishable = false, int weightGrams = 500)
    {
        var n = Interlocked.Increment(ref _next);
        var product = new Product
        {
            Alias = $"{village}-product-{n}",
            VillageCode = village,
            Category = category,
            NameVi = $"Sản phẩm thử {n} của {village}",
            NameEn = $"Test product {n} from {village}",
            WeightGrams = weightGrams,
            Perishable = perishable,
            Illustrative = true,
            Variants = [new ProductVariant { Sku = $"TEST-{n:0000}", Price = price, Available = stock }],
        };
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Add(product);
        await db.SaveChangesAsync();
        db.Add(new StockLedgerEntry { VariantId = product.Variants[0].Id, Delta = stock, Reason = StockReason.Adjusted, Actor = "test", Note = "opening stock", At = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return product.Variants[0];
    }
}
