using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Backoffice.Products;

/// <summary>What the list is narrowed to. <see cref="Listed"/>: "yes", "no" or empty for both.</summary>
public sealed record ProductFilter(string? Village, string? Category, string? Listed, bool LowStock, string? Search);

/// <summary>One row of the products list.</summary>
public sealed record ProductRow(int Id, string Village, string Category, string NameVi, string NameEn, int Variants, long? MinPrice, long? MaxPrice, int Stock, bool Listed);

/// <summary>
/// The products list: only villages the user may see, filtered in the database, newest first and paged by id
/// (keyset: "before id N", never OFFSET, so page fifty costs what page one does).
/// </summary>
public sealed class ProductList(AppDbContext db, ProductAccess access)
{
    public const int PageSize = 50;

    /// <summary>A variant with this many or fewer left is low on stock.</summary>
    public const int LowStockAt = 5;

    public Task<List<ProductRow>> PageAsync(ProductFilter filter, int? before, CancellationToken cancellationToken)
    {
        var query = db.Set<Product>().AsNoTracking();
        if (access.VisibleVillages is { } villages)
        {
            var codes = villages.ToList();
            query = query.Where(p => codes.Contains(p.VillageCode));
        }

        if (filter.Village is { Length: > 0 } village)
        {
            query = query.Where(p => p.VillageCode == village);
        }

        if (filter.Category is { Length: > 0 } category)
        {
            query = query.Where(p => p.Category == category);
        }

        if (filter.Listed is "yes" or "no")
        {
            var listed = filter.Listed == "yes";
            query = query.Where(p => p.IsListed == listed);
        }

        if (filter.LowStock)
        {
            query = query.Where(p => p.Variants.Any(v => v.Available <= LowStockAt));
        }

        if (filter.Search?.Trim() is { Length: > 0 } search)
        {
            var lower = search.ToLowerInvariant();
            var sku = search.ToUpperInvariant();
            // Translated to SQL lower() and LIKE/instr: the .NET culture rules the analyzers warn about do not apply.
#pragma warning disable CA1304, CA1311, CA1862
            query = query.Where(p => p.NameVi.ToLower().Contains(lower) || p.NameEn.ToLower().Contains(lower) || p.Alias.Contains(lower)
                || p.Variants.Any(v => v.Sku.Contains(sku)));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (before is { } id)
        {
            query = query.Where(p => p.Id < id);
        }

        return query.OrderByDescending(p => p.Id).Take(PageSize)
            .Select(p => new ProductRow(
                p.Id, p.VillageCode, p.Category, p.NameVi, p.NameEn, p.Variants.Count,
                p.Variants.Min(v => (long?)v.Price), p.Variants.Max(v => (long?)v.Price), p.Variants.Sum(v => v.Available), p.IsListed))
            .ToListAsync(cancellationToken);
    }
}
