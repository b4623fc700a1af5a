using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using VillageCraftPortal.Site.Tests.Infrastructure;

namespace VillageCraftPortal.Site.Tests.Features;

/// <summary>hreflang, canonical, sitemap, robots, Open Graph and JSON-LD on the seeded site, on each database.</summary>
public abstract class SeoTests(SeededSite site)
{
    private const string Base = SiteFactory.BaseUrl;

    private HttpClient Client => site.Client;

    private static List<JsonElement> JsonLd(IDocument page) =>
        [.. page.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement)];

    [Fact]
    public async Task A_village_page_links_its_canonical_and_both_cultures()
    {
        var page = await Client.GetDocumentAsync("/en/villages/bat-trang");

        Assert.Equal($"{Base}/en/villages/bat-trang", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal($"{Base}/vi/lang-nghe/bat-trang", page.QuerySelector("link[hreflang=vi]")!.GetAttribute("href"));
        Assert.Equal($"{Base}/en/villages/bat-trang", page.QuerySelector("link[hreflang=en]")!.GetAttribute("href"));
        Assert.Equal($"{Base}/vi/lang-nghe/bat-trang", page.QuerySelector("link[hreflang=x-default]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_language_switcher_keeps_the_current_page()
    {
        var page = await Client.GetDocumentAsync("/vi/lang-nghe/van-phuc");

        var links = page.QuerySelectorAll(".language-switcher a").ToDictionary(a => a.GetAttribute("hreflang")!, a => a.GetAttribute("href"));
        Assert.Equal("/en/villages/van-phuc", links["en"]);
        Assert.Equal("/vi/lang-nghe/van-phuc", links["vi"]);
        Assert.Equal("true", page.QuerySelector(".language-switcher a[hreflang=vi]")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task A_village_page_has_Open_Graph_tags_with_an_absolute_image()
    {
        var page = await Client.GetDocumentAsync("/vi/lang-nghe/bat-trang");

        string? Meta(string property) => page.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");
        Assert.Equal("vi_VN", Meta("og:locale"));
        Assert.Equal($"{Base}/vi/lang-nghe/bat-trang", Meta("og:url"));
        Assert.StartsWith($"{Base}/media/", Meta("og:image"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(Meta("og:image:alt")));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[name=description]")?.GetAttribute("content")));
    }

    [Fact]
    public async Task A_village_is_a_TouristDestination_with_coordinates_and_breadcrumbs()
    {
        var data = JsonLd(await Client.GetDocumentAsync("/en/villages/bat-trang"));

        var destination = Assert.Single(data, d => d.GetProperty("@type").GetString() == "TouristDestination");
        Assert.Equal(20.983, destination.GetProperty("geo").GetProperty("latitude").GetDouble(), 3);
        Assert.Equal($"{Base}/en/villages/bat-trang", destination.GetProperty("url").GetString());
        var breadcrumbs = Assert.Single(data, d => d.GetProperty("@type").GetString() == "BreadcrumbList");
        Assert.Equal(3, breadcrumbs.GetProperty("itemListElement").GetArrayLength());
    }

    [Fact]
    public async Task A_centre_is_a_LocalBusiness_with_opening_hours_and_never_an_AggregateRating()
    {
        var page = await Client.GetDocumentAsync("/en/villages/bat-trang/design-centre");
        var data = JsonLd(page);

        var business = Assert.Single(data, d => d.GetProperty("@type").GetString() == "LocalBusiness");
        Assert.True(business.GetProperty("openingHoursSpecification").GetArrayLength() > 0);
        Assert.Equal("TouristDestination", business.GetProperty("containedInPlace").GetProperty("@type").GetString());
        Assert.All(page.QuerySelectorAll("script[type='application/ld+json']"), s =>
        {
            Assert.DoesNotContain("AggregateRating", s.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("ratingValue", s.TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task The_sitemap_lists_every_page_in_both_cultures_with_alternates()
    {
        var xml = XDocument.Parse(await Client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";

        var urls = xml.Descendants(ns + "url").ToList();
        var locations = urls.Select(u => u.Element(ns + "loc")!.Value).ToList();
        Assert.Contains($"{Base}/vi", locations);
        Assert.Contains($"{Base}/en", locations);
        Assert.Contains($"{Base}/vi/lang-nghe/bat-trang", locations);
        Assert.Contains($"{Base}/en/villages/trach-xa/design-centre", locations);
        Assert.Equal(locations.Count, locations.Distinct().Count());
        Assert.Equal(locations.Count(l => l.StartsWith($"{Base}/vi", StringComparison.Ordinal)), locations.Count(l => l.StartsWith($"{Base}/en", StringComparison.Ordinal)));
        Assert.All(urls, u =>
        {
            var alternates = u.Elements(xhtml + "link").Select(l => l.Attribute("hreflang")!.Value).ToList();
            Assert.Equal(["vi", "en", "x-default"], alternates);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", u.Element(ns + "lastmod")!.Value);
        });
    }

    [Fact]
    public async Task Robots_txt_points_to_the_sitemap()
    {
        var robots = await Client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));

        Assert.Contains($"Sitemap: {Base}/sitemap.xml", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /backoffice", robots, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/vi")]
    [InlineData("/en/villages")]
    [InlineData("/vi/lang-nghe/bat-trang")]
    [InlineData("/en/villages/ha-thai/design-centre")]
    public async Task Every_image_has_its_size_and_alt_text_and_only_the_main_one_loads_eagerly(string path)
    {
        var page = await Client.GetDocumentAsync(path);
        var images = page.QuerySelectorAll("main img");

        Assert.NotEmpty(images);
        Assert.All(images, img =>
        {
            Assert.True(int.TryParse(img.GetAttribute("width"), out var w) && w > 0, img.OuterHtml);
            Assert.True(int.TryParse(img.GetAttribute("height"), out var h) && h > 0, img.OuterHtml);
            Assert.True(img.HasAttribute("alt"), img.OuterHtml);
        });
        Assert.True(images.Count(i => i.GetAttribute("fetchpriority") == "high") <= 1);
        Assert.All(images.Where(i => i.GetAttribute("fetchpriority") != "high"), i => Assert.Equal("lazy", i.GetAttribute("loading")));
    }

    [Fact]
    public async Task Every_srcset_candidate_is_a_real_image_of_the_width_it_claims()
    {
        var page = await Client.GetDocumentAsync("/vi/lang-nghe/bat-trang");
        var hero = page.QuerySelector("img.page-hero")!;

        var candidates = hero.GetAttribute("srcset")!.Split(", ").Select(c => c.Split(' ')).ToList();
        Assert.True(candidates.Count >= 3);
        foreach (var candidate in candidates)
        {
            using var response = await Client.GetAsync(new Uri(candidate[0], UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            using var image = NetVips.Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(candidate[1], $"{image.Width}w");
        }
    }

    [Fact]
    public async Task Stars_and_unconfirmed_facts_are_labelled_honestly()
    {
        var page = await Client.GetDocumentAsync("/en/villages/bat-trang/design-centre");

        Assert.Contains("4 stars", page.QuerySelector(".rating")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("illustrative", page.QuerySelector(".rating")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".unverified-note"));
        Assert.NotEmpty(page.QuerySelectorAll(".source-list li a[href^='https://'], .source-list li a[href^='http://']"));
    }

    [Fact]
    public async Task Open_now_is_computed_in_Hanoi_time()
    {
        // The fixture's clock is Tuesday 09:30 in Hà Nội; the seed centres open at 08:00 (unconfirmed hours).
        var page = await Client.GetDocumentAsync("/vi/lang-nghe/bat-trang/trung-tam-thiet-ke-sang-tao");

        var status = page.QuerySelector(".open-status")!;
        Assert.Contains("is-open", status.ClassList);
        Assert.Contains("Đang mở cửa", status.TextContent, StringComparison.Ordinal);
        Assert.Contains("11:30", status.TextContent, StringComparison.Ordinal);
    }
}

[Collection(SqliteSeededGroup.Name)]
public sealed class SeoTestsOnSqlite(SqliteSeededSite site) : SeoTests(site);

[Collection(PostgresSeededGroup.Name)]
public sealed class SeoTestsOnPostgres(PostgresSeededSite site) : SeoTests(site);
