using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Features.Seo;
using VillageCraftPortal.Web.Features.Shop;

namespace VillageCraftPortal.Web.Features.Products;

/// <summary>The shop's pages for the sitemap: the listing, each village's listing that has products, each listed product.</summary>
public static class StorefrontSitemap
{
    public static async Task<IReadOnlyList<SitemapPage>> PagesAsync(CatalogueQuery catalogue, PublishedSnapshot snapshot, CancellationToken cancellationToken)
    {
        var products = await catalogue.ListedForSitemapAsync(cancellationToken);
        if (products.Count == 0)
        {
            return [];
        }

        var villages = snapshot.OfType(Content.Types.DocumentTypes.Village)
            .Select(v => Backoffice.Access.ContentScopes.VillageCodeOf(v.Alias))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var pages = new List<SitemapPage> { new(ShopPaths.Products, Known(products.Max(p => p.UpdatedAt))) };
        pages.AddRange(products.GroupBy(p => p.VillageCode).Where(g => villages.Contains(g.Key)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SitemapPage(c => ShopPaths.VillageProducts(c, g.Key), Known(g.Max(p => p.UpdatedAt)))));
        pages.AddRange(products.OrderBy(p => p.Alias, StringComparer.Ordinal)
            .Select(p => new SitemapPage(c => ShopPaths.Product(c, p.Alias), Known(p.UpdatedAt))));
        return pages;
    }

    /// <summary>A product never saved with a change time has none to tell.</summary>
    private static DateTime? Known(DateTime at) => at.Year > 2000 ? at : null;
}
