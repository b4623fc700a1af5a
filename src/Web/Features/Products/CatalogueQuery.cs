using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Features.Products;

/// <summary>One page of a listing, the total that matches, and the positions of the pages either side (null: none).</summary>
public sealed record CataloguePage(IReadOnlyList<ProductCardRow> Products, int Total, CatalogueCursor? Previous, CatalogueCursor? Next);

/// <summary>The listed products that match a filter, a page at a time by keyset.</summary>
public sealed class CatalogueQuery(AppDbContext db)
{
    public const int PageSize = 24;

    public async Task<CataloguePage> PageAsync(CatalogueFilter filter, CatalogueCursor? position, DateOnly today, string culture, CancellationToken cancellationToken)
    {
        var matching = Matching(filter, today);
        var total = await matching.CountAsync(cancellationToken);
        var backward = position?.Backward == true;
        var rows = await Ordered(matching, filter.Sort, culture, position)
            .Take(PageSize + 1)
            .Select(ProductCardRow.Projection)
            .ToListAsync(cancellationToken);
        var more = rows.Count > PageSize;
        if (more)
        {
            rows.RemoveAt(PageSize);
        }

        if (backward)
        {
            rows.Reverse();
        }

        if (rows.Count == 0)
        {
            return new CataloguePage(rows, total, null, null);
        }

        var hasPrevious = backward ? more : position is not null;
        var hasNext = backward || more;
        return new CataloguePage(
            rows,
            total,
            hasPrevious ? CatalogueCursor.For(filter.Sort, culture, rows[0], backward: true) : null,
            hasNext ? CatalogueCursor.For(filter.Sort, culture, rows[^1], backward: false) : null);
    }

    /// <summary>Up to <paramref name="count"/> other listed products of the same category or village, those sharing both first.</summary>
    public Task<List<ProductCardRow>> RelatedAsync(int productId, string category, string village, int count, CancellationToken cancellationToken) =>
        Listed()
            .Where(p => p.Id != productId && (p.Category == category || p.VillageCode == village))
            .OrderByDescending(p => (p.Category == category ? 2 : 0) + (p.VillageCode == village ? 1 : 0))
            .ThenBy(p => p.Id)
            .Take(count)
            .Select(ProductCardRow.Projection)
            .ToListAsync(cancellationToken);

    /// <summary>Every listed product's alias, village and last change, for the sitemap.</summary>
    public async Task<List<(string Alias, string VillageCode, DateTime UpdatedAt)>> ListedForSitemapAsync(CancellationToken cancellationToken)
    {
        var rows = await Listed().Select(p => new { p.Alias, p.VillageCode, p.UpdatedAt, p.CreatedAt }).ToListAsync(cancellationToken);
        return [.. rows.Select(p => (p.Alias, p.VillageCode, p.UpdatedAt > p.CreatedAt ? p.UpdatedAt : p.CreatedAt))];
    }

    /// <summary>What can be bought: listed, with at least one variant.</summary>
    private IQueryable<Product> Listed() => db.Set<Product>().AsNoTracking().Where(p => p.IsListed && p.Variants.Any());

    private IQueryable<Product> Matching(CatalogueFilter filter, DateOnly today)
    {
        var products = Listed();
        if (filter.Village is { } village)
        {
            products = products.Where(p => p.VillageCode == village);
        }

        if (filter.Category is { } category)
        {
            products = products.Where(p => p.Category == category);
        }

        if (filter.Stars is { } stars)
        {
            // Stars count only with a certificate that stands today (what Product.OcopStandingOn calls Valid).
            products = products.Where(p => p.OcopStars >= stars && p.OcopCertificateNumber != null && p.OcopIssuedOn != null && p.OcopExpiresOn >= today);
        }

        if (filter.MinPrice is not null || filter.MaxPrice is not null)
        {
            var (min, max) = (filter.MinPrice ?? 0, filter.MaxPrice ?? long.MaxValue);
            products = products.Where(p => p.Variants.Any(v => v.Price >= min && v.Price <= max));
        }

        if (filter.InStock)
        {
            products = products.Where(p => p.Variants.Any(v => v.Available > 0));
        }

        return products;
    }

    private static IQueryable<Product> Ordered(IQueryable<Product> products, CatalogueSort sort, string culture, CatalogueCursor? position)
    {
        // Going back walks the same order in reverse from the page's first product; the page is flipped afterwards.
        var flip = position?.Backward == true;
        return sort switch
        {
            CatalogueSort.PriceLow or CatalogueSort.PriceHigh => Keyset.Seek(
                products,

                // The lowest price is a correlated MIN over the (ProductId, Price) index rather than a copy kept on
                // Product: nothing that changes a variant's price can forget to update it, and it still pages by keyset.
                p => p.Variants.Min(v => v.Price),
                (sort == CatalogueSort.PriceHigh) ^ flip,
                position is null ? null : (position.Price, position.Id)),
            CatalogueSort.Name when culture == "en" => Keyset.Seek(products, p => p.NameEn, flip, position is null ? null : (position.Key, position.Id)),
            CatalogueSort.Name => Keyset.Seek(products, p => p.NameVi, flip, position is null ? null : (position.Key, position.Id)),
            _ => Keyset.Seek(products, p => p.CreatedAt, !flip, position is null ? null : (position.CreatedAt, position.Id)),
        };
    }
}
