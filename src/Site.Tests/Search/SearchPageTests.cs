using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Search;

namespace VillageCraftPortal.Site.Tests.Search;

/// <summary>The search page, the JSON endpoints, and every kind of bad input, on the seeded site.</summary>
public abstract class SearchPageTests(SeededSite site) : IAsyncLifetime
{
    private HttpClient Client => site.Client;

    public Task InitializeAsync() => site.Factory.Services.GetRequiredService<SearchIndexer>().WhenReady.WaitAsync(TimeSpan.FromSeconds(30));

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> BadQueries() =>
    [
        "gốm AND (", "\"bát tràng", "*gom", "?at", "gom~2", "title:gom", "[1 TO 5]", "gốm^100", "\\", "/.*/", "&& || !",
        "gốm\u0001\u0002\u001flụa", "\u200B", "😀", "<script>alert(1)</script>", "' OR 1=1 --", "%", "%%%", string.Join(' ', Enumerable.Repeat("gốm", 45)),
    ];

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Malformed_queries_are_searched_as_text_on_the_page_and_the_api(string query)
    {
        var escaped = Uri.EscapeDataString(query);
        using var page = await Client.GetAsync(new Uri($"/vi/tim-kiem?q={escaped}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);

        using var api = await Client.GetAsync(new Uri($"/api/search?culture=en&q={escaped}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        using var suggest = await Client.GetAsync(new Uri($"/api/search/suggest?culture=vi&q={Uri.EscapeDataString(query[..Math.Min(query.Length, 100)])}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, suggest.StatusCode);
    }

    [Fact]
    public async Task A_ten_thousand_character_query_is_refused_with_a_clear_message()
    {
        var longQuery = Uri.EscapeDataString(new string('a', 10_000));
        using var page = await Client.GetAsync(new Uri($"/en/search?q={longQuery}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var document = Html.Parse(await page.Content.ReadAsStringAsync());
        Assert.Contains("at most 200 characters", document.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

        foreach (var path in new[] { $"/api/search?q={longQuery}", $"/api/search/suggest?culture=vi&q={longQuery}" })
        {
            using var api = await Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Query too long", JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
        }

        using var culture = await Client.GetAsync(new Uri("/api/search/suggest?culture=fr&q=gom", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, culture.StatusCode);
        Assert.Equal("application/problem+json", culture.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_page_shows_typed_results_with_snippets_and_facet_counts_in_a_shareable_address()
    {
        var page = await Client.GetDocumentAsync("/vi/tim-kiem?q=gom&type=product&sort=price-low");
        var results = page.QuerySelectorAll(".search-result");
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal("Sản phẩm", r.QuerySelector(".badge-type")!.TextContent));
        Assert.All(results.Select(r => r.QuerySelector("img")).OfType<AngleSharp.Dom.IElement>(), img =>
        {
            Assert.True(img.HasAttribute("width") && img.HasAttribute("height"), "images carry their size");
        });
        Assert.NotNull(page.QuerySelector(".search-snippet mark"));

        // The form holds the state: the box, the chosen type, the sort; counts beside the choices.
        Assert.Equal("gom", page.QuerySelector("#search-q")!.GetAttribute("value"));
        Assert.True(page.QuerySelector("#type-product")!.HasAttribute("checked"));
        Assert.Equal("price-low", page.QuerySelector("#search-sort option[selected]")!.GetAttribute("value"));
        Assert.Matches(@"\(\d+\)", page.QuerySelector("label[for=type-village]")!.TextContent);
        Assert.Equal("get", page.QuerySelector("form.search-form")!.GetAttribute("method"));
        Assert.Contains("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"), StringComparison.Ordinal);

        // Prices ascend.
        var prices = page.QuerySelectorAll(".search-result-price").Select(p => long.Parse(new string([.. p.TextContent.Where(char.IsDigit)]), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(prices.Order(), prices);
    }

    [Fact]
    public async Task Nothing_found_offers_a_spelling_and_popular_searches()
    {
        var page = await Client.GetDocumentAsync("/en/search?q=lacqxxer");
        Assert.Equal("lacquer", page.QuerySelector(".did-you-mean a")!.TextContent);
        Assert.NotEmpty(page.QuerySelectorAll(".popular-searches a"));
    }

    [Fact]
    public async Task Autocomplete_answers_from_the_first_letter_with_at_most_eight()
    {
        using var one = JsonDocument.Parse(await Client.GetStringAsync(new Uri("/api/search/suggest?q=b&culture=vi", UriKind.Relative)));
        var suggestions = one.RootElement.GetProperty("suggestions");
        Assert.InRange(suggestions.GetArrayLength(), 1, 8);

        using var village = JsonDocument.Parse(await Client.GetStringAsync(new Uri("/api/search/suggest?q=van%20ph&culture=en", UriKind.Relative)));
        var first = village.RootElement.GetProperty("suggestions")[0];
        Assert.Equal("/en/villages/van-phuc", first.GetProperty("url").GetString());
    }

    [Fact]
    public async Task The_home_page_declares_the_search_action_and_every_page_has_the_search_box()
    {
        var home = await Client.GetDocumentAsync("/en");
        var json = string.Join(' ', home.QuerySelectorAll("script[type='application/ld+json']").Select(s => s.TextContent));
        Assert.Contains("\"SearchAction\"", json, StringComparison.Ordinal);
        Assert.Contains("https://vcp.test/en/search?q={search_term_string}", json, StringComparison.Ordinal);
        var box = home.QuerySelector("header form[role=search] input[name=q]");
        Assert.NotNull(box);
        Assert.Equal("/en/search", box!.Closest("form")!.GetAttribute("action"));
        Assert.NotNull(home.QuerySelector($"label[for={box.Id}]"));
    }

    [Fact]
    public async Task The_search_page_is_in_both_cultures()
    {
        var vi = await Client.GetDocumentAsync("/vi/tim-kiem?q=lua");
        var en = await Client.GetDocumentAsync("/en/search?q=silk");
        Assert.Equal("vi", vi.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", en.DocumentElement.GetAttribute("lang"));
        Assert.Equal("https://vcp.test/en/search", vi.QuerySelector("link[rel=alternate][hreflang=en]")!.GetAttribute("href"));
        Assert.NotEmpty(vi.QuerySelectorAll(".search-result"));
        Assert.NotEmpty(en.QuerySelectorAll(".search-result"));
    }
}

[Collection(SqliteSeededGroup.Name)]
public sealed class SqliteSearchPageTests(SqliteSeededSite site) : SearchPageTests(site);

[Collection(PostgresSeededGroup.Name)]
public sealed class PostgresSearchPageTests(PostgresSeededSite site) : SearchPageTests(site);
