using AngleSharp.Dom;

namespace VillageCraftPortal.Site.Tests.Features.Products;

/// <summary>Reading a listing page as a visitor sees it: the products in order, the notices and the page links.</summary>
public static class Listing
{
    public static List<string> Aliases(IDocument page) =>
        [.. page.QuerySelectorAll(".product-card .card-title a").Select(a => a.GetAttribute("href")!.Split('/')[^1])];

    public static string? Link(IDocument page, string rel) =>
        page.QuerySelector($".pagination a[rel={rel}]")?.GetAttribute("href") is { } href ? System.Net.WebUtility.HtmlDecode(href) : null;

    public static List<string> Notices(IDocument page) => [.. page.QuerySelectorAll("main .notice").Select(n => n.TextContent)];

    /// <summary>Follows "next" from <paramref name="path"/> to the end; each page's aliases in order.</summary>
    public static async Task<List<List<string>>> WalkAsync(HttpClient client, string path, string rel = "next", int limit = 20)
    {
        var pages = new List<List<string>>();
        var next = path;
        while (next is not null && pages.Count < limit)
        {
            var page = await Infrastructure.Html.GetDocumentAsync(client, next);
            pages.Add(Aliases(page));
            next = Link(page, rel);
        }

        return pages;
    }
}
