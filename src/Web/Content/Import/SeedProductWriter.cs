using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Stock;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Content.Import;

/// <summary>
/// Creates or updates the seed products by key and their variants by SKU, in the import's transaction. A new variant
/// gets its opening stock through the stock keeper (an Adjusted ledger entry by "seed"), so what is available is the
/// sum of its ledger. An existing variant's stock is never changed: once the shop runs, stock is the shop's. Nothing
/// is deleted, and a product staff took off sale stays off sale.
/// </summary>
public sealed class SeedProductWriter(AppDbContext db, StockKeeper stock, TimeProvider clock)
{
    public const string StockActor = "seed";
    public const string OpeningStockNote = "opening stock";

    public async Task<(int Created, int Updated)> WriteAsync(IReadOnlyList<SeedProduct> products, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Set<Product>().Include(p => p.Sources).ToDictionaryAsync(p => p.Alias, StringComparer.Ordinal, cancellationToken);
        var variants = await db.Set<ProductVariant>().ToDictionaryAsync(v => v.Sku, StringComparer.Ordinal, cancellationToken);
        var opening = new List<(ProductVariant Variant, int Stock)>();
        var (created, updated) = (0, 0);
        foreach (var seed in products.Select(p => p.Product))
        {
            var isNew = !existing.TryGetValue(seed.Alias, out var product);
            product ??= db.Add(new Product
            {
                Alias = seed.Alias,
                VillageCode = seed.VillageCode,
                Category = seed.Category,
                NameVi = seed.NameVi,
                NameEn = seed.NameEn,
                CreatedAt = now,
            }).Entity;
            CopyTexts(seed, product);
            var changed = ReplaceSources(seed, product);
            foreach (var variant in seed.Variants)
            {
                if (variants.TryGetValue(variant.Sku, out var row))
                {
                    CopyOptions(variant, row);
                    row.Product = product;
                }
                else
                {
                    row = new ProductVariant { Sku = variant.Sku, Product = product, Available = 0 };
                    CopyOptions(variant, row);
                    db.Add(row);
                    opening.Add((row, variant.Available));
                }

                if (IsChanged(row))
                {
                    // A backoffice form opened before the import must not save over what it brought.
                    row.Revision++;
                    changed = true;
                }
            }

            if (isNew || changed || IsChanged(product))
            {
                product.UpdatedAt = now;
                product.Revision++;
                (created, updated) = isNew ? (created + 1, updated) : (created, updated + 1);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (variant, count) in opening.Where(o => o.Stock > 0))
        {
            await stock.GiveBackAsync(variant.Id, count, StockReason.Adjusted, orderId: null, StockActor, cancellationToken, OpeningStockNote);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (created, updated);
    }

    private bool IsChanged(object entity)
    {
        var entry = db.Entry(entity);
        entry.DetectChanges();
        return entry.State is EntityState.Added or EntityState.Modified;
    }

    private static void CopyTexts(Product seed, Product product)
    {
        product.VillageCode = seed.VillageCode;
        product.Category = seed.Category;
        product.NameVi = seed.NameVi;
        product.NameEn = seed.NameEn;
        product.DescriptionVi = seed.DescriptionVi;
        product.DescriptionEn = seed.DescriptionEn;
        product.MaterialsVi = seed.MaterialsVi;
        product.MaterialsEn = seed.MaterialsEn;
        product.CareVi = seed.CareVi;
        product.CareEn = seed.CareEn;
        product.Dimensions = seed.Dimensions;
        product.WeightGrams = seed.WeightGrams;
        product.Perishable = seed.Perishable;
        product.OcopStars = seed.OcopStars;
        product.OcopCertificateNumber = seed.OcopCertificateNumber;
        product.OcopIssuedOn = seed.OcopIssuedOn;
        product.OcopExpiresOn = seed.OcopExpiresOn;
        product.Illustrative = seed.Illustrative;
        product.NotesVi = seed.NotesVi;
        product.NotesEn = seed.NotesEn;

        // New lists only when they differ, so an unchanged product is not marked modified.
        if (!product.ImageKeys.SequenceEqual(seed.ImageKeys, StringComparer.Ordinal))
        {
            product.ImageKeys = [.. seed.ImageKeys];
        }

        if (!product.Unverified.SequenceEqual(seed.Unverified, StringComparer.Ordinal))
        {
            product.Unverified = [.. seed.Unverified];
        }
    }

    /// <summary>Replaces the sources when they differ; true when they did.</summary>
    private static bool ReplaceSources(Product seed, Product product)
    {
        static (string, string?, string?, DateOnly?) Row(ProductSource s) => (s.Title, s.Publisher, s.Url, s.PublishedOn);
        if (product.Sources.OrderBy(s => s.SortOrder).Select(Row).SequenceEqual(seed.Sources.Select(Row)))
        {
            return false;
        }

        product.Sources.Clear();
        product.Sources.AddRange(seed.Sources.Select(s => new ProductSource
        {
            Title = s.Title,
            Publisher = s.Publisher,
            Url = s.Url,
            PublishedOn = s.PublishedOn,
            SortOrder = s.SortOrder,
        }));
        return true;
    }

    /// <summary>Everything of a variant but its stock.</summary>
    private static void CopyOptions(ProductVariant seed, ProductVariant row)
    {
        row.Size = seed.Size;
        row.SizeEn = seed.SizeEn;
        row.Colour = seed.Colour;
        row.ColourEn = seed.ColourEn;
        row.Pattern = seed.Pattern;
        row.PatternEn = seed.PatternEn;
        row.Price = seed.Price;
        row.CompareAtPrice = seed.CompareAtPrice;
        row.SortOrder = seed.SortOrder;
    }
}
