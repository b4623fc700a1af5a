using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using VillageCraftPortal.Web.Features.Products;
using VillageCraftPortal.Web.Search;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Features.Search;

/// <summary>
/// The search page: results with type badges and images, facet filters in a GET form (works without JavaScript), and
/// the whole state in the address so that a search can be shared. Never indexed by search engines.
/// </summary>
public sealed class IndexModel(SearchService search, Storefront storefront) : PageModel
{
    public Storefront Store => storefront;

    public string Culture { get; } = SiteCulture.Current;

    public SearchRequest Query { get; private set; } = new();

    public SearchResult? Result { get; private set; }

    /// <summary>The text key of a problem with the query (too long), shown instead of results.</summary>
    public string? Problem { get; private set; }

    public string Path => SearchPaths.Page(Culture);

    public IActionResult OnGet()
    {
        StorefrontPages.KeepOutOfOutputCache(HttpContext); // Stock and prices in the results are live.
        (Query, Problem) = SearchInput.Parse(HttpContext.Request.Query, Culture);
        if (Problem is null)
        {
            Result = search.Search(Query); // With nothing asked yet: no hits, and popular searches to start from.
        }

        var title = Query.Text.Length > 0
            ? storefront.Texts.Get(Culture, "search.title.for", Query.Text)
            : storefront.Texts.Get(Culture, "search.title");
        ViewData.SetMeta(storefront.Meta(Culture, title, SearchPaths.Page, [], storefront.Texts.Get(Culture, "search.description"), noIndex: true));
        if (Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>This search with some parameters changed (null removes one).</summary>
    public string With(IReadOnlyDictionary<string, string?> changes)
    {
        var query = new List<KeyValuePair<string, string?>>
        {
            new("q", Query.Text.Length > 0 ? Query.Text : null),
            new("village", Query.Village),
            new("category", Query.Category),
            new("stars", Query.Stars?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("price", Query.Price?.Code),
            new("instock", Query.InStockOnly ? "1" : null),
            new("sort", Query.Sort == SearchSort.Relevance ? null : SearchInput.SortName(Query.Sort)),
            new("page", Query.Page > 1 ? Query.Page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
        };
        query.AddRange(Query.Types.Select(t => new KeyValuePair<string, string?>("type", SearchDocument.TypeName(t))));
        var result = query.Where(q => !changes.ContainsKey(q.Key)).ToList();
        result.AddRange(changes.Where(c => c.Value is not null));
        return QueryHelpers.AddQueryString(Path, result.Where(q => q.Value is not null));
    }

    public string PageUrl(int page) => With(new Dictionary<string, string?> { ["page"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null });

    public string TypeLabel(string type) => storefront.Texts.Get(Culture, $"search.type.{type}");

    public string VillageLabel(string code) => storefront.VillageName(code, Culture);
}
