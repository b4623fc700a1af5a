using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using VillageCraftPortal.Web.Features.Shop;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Features.Products;

/// <summary>
/// The products, all of them or one village's (<see cref="ShopPaths.VillageProducts"/>): filters in a GET form,
/// four sort orders, and keyset pages of <see cref="CatalogueQuery.PageSize"/>.
/// </summary>
public sealed class IndexModel(CatalogueQuery catalogue, Storefront storefront) : PageModel
{
    public Storefront Store => storefront;

    public string Culture { get; private set; } = SiteCulture.Current;

    /// <summary>The village whose own listing this is; null for all products.</summary>
    public CatalogueVillage? Village { get; private set; }

    public CatalogueFilter Filter { get; private set; } = null!;

    public CataloguePage Result { get; private set; } = null!;

    /// <summary>A page position was given but could not be read: the first page is shown instead.</summary>
    public bool PositionIgnored { get; private set; }

    public bool IsFirstPage { get; private set; }

    public string Heading { get; private set; } = string.Empty;

    public string Path => Village is null ? ShopPaths.Products(Culture) : ShopPaths.VillageProducts(Culture, Village.Code);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        StorefrontPages.KeepOutOfOutputCache(HttpContext);
        if (RouteData.Values[StorefrontPages.VillageRouteValue] is string code
            && (Village = storefront.Villages.FirstOrDefault(v => v.Code == code)) is null)
        {
            return NotFound();
        }

        Filter = CatalogueFilter.Parse(Request.Query, storefront.Villages.Select(v => v.Code), Village?.Code);
        var (after, before) = (CatalogueFilter.First(Request.Query, "after"), CatalogueFilter.First(Request.Query, "before"));
        var position = CatalogueCursor.Read(after, before, Filter.Sort, Culture);
        PositionIgnored = (after ?? before) is not null && position is null;
        IsFirstPage = position is null;
        Result = await catalogue.PageAsync(Filter, position, storefront.Today, Culture, cancellationToken);
        ViewData.SetMeta(Meta());
        return Page();
    }

    /// <summary>This listing with the same filters, at a page position (or the first page).</summary>
    public string PageUrl(CatalogueCursor? position)
    {
        var query = new Dictionary<string, string?>
        {
            ["village"] = Village is null ? Filter.Village : null,
            ["category"] = Filter.Category,
            ["stars"] = Filter.Stars?.ToString(CultureInfo.InvariantCulture),
            ["min"] = Filter.MinPrice?.ToString(CultureInfo.InvariantCulture),
            ["max"] = Filter.MaxPrice?.ToString(CultureInfo.InvariantCulture),
            ["instock"] = Filter.InStock ? "true" : null,
            ["sort"] = Filter.Sort == CatalogueSort.Newest ? null : Filter.SortName,
            [position?.Backward == true ? "before" : "after"] = position?.Encode(),
        };
        return QueryHelpers.AddQueryString(Path, query.Where(q => q.Value is not null));
    }

    private PageMeta Meta()
    {
        var texts = storefront.Texts;
        var village = Village;
        var title = Heading = village is null
            ? texts.Get(Culture, "store.products.title")
            : texts.Get(Culture, "store.village.title", village.Node.Name(Culture).Value);
        var crumbs = village is null
            ? storefront.Breadcrumbs(Culture)
            : storefront.Breadcrumbs(Culture, new Breadcrumb(village.Node.Name(Culture).Value, Path));

        // Filtered and later pages are for visitors; search engines get the plain listing.
        return storefront.Meta(
            Culture,
            title,
            c => village is null ? ShopPaths.Products(c) : ShopPaths.VillageProducts(c, village.Code),
            crumbs,
            texts.Get(Culture, "store.products.description"),
            noIndex: Filter.IsFiltered || !IsFirstPage || Filter.Sort != CatalogueSort.Newest);
    }
}
