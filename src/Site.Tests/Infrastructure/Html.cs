using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace VillageCraftPortal.Site.Tests.Infrastructure;

public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} returned {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        return Parser.ParseDocument(body);
    }

    public static IDocument Parse(string html) => Parser.ParseDocument(html);
}
