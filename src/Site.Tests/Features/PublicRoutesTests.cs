using System.Net;
using System.Xml.Linq;
using VillageCraftPortal.Site.Tests.Infrastructure;

namespace VillageCraftPortal.Site.Tests.Features;

/// <summary>Every public route of the seeded site, its status code and its culture, on each database.</summary>
public abstract class PublicRoutesTests(SeededSite site)
{
    private HttpClient Client => site.Client;

    [Theory]
    [InlineData("/vi", "vi")]
    [InlineData("/en", "en")]
    [InlineData("/vi/lang-nghe", "vi")]
    [InlineData("/en/villages", "en")]
    [InlineData("/vi/lang-nghe/bat-trang", "vi")]
    [InlineData("/en/villages/bat-trang", "en")]
    [InlineData("/vi/lang-nghe/van-phuc/trung-tam-thiet-ke-sang-tao", "vi")]
    [InlineData("/en/villages/van-phuc/design-centre", "en")]
    [InlineData("/vi/gioi-thieu-chuong-trinh", "vi")]
    [InlineData("/en/about-the-programme", "en")]
    [InlineData("/vi/tin-tuc", "vi")]
    [InlineData("/en/news", "en")]
    [InlineData("/vi/san-pham", "vi")]
    [InlineData("/en/products/village/bat-trang", "en")]
    [InlineData("/vi/san-pham/bat-trang-blue-white-tea-set", "vi")]
    public async Task Named_pages_answer_in_their_culture(string path, string culture)
    {
        var page = await Client.GetDocumentAsync(path);

        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.NotNull(page.QuerySelector("main#main"));
    }

    [Fact]
    public async Task Every_page_in_the_sitemap_answers_200_with_its_canonical_and_alternates()
    {
        var locations = await SitemapLocationsAsync();
        // Home, index pages, ten villages and ten centres at least, in two cultures.
        Assert.True(locations.Count >= 2 * 32, $"only {locations.Count} URLs in the sitemap");

        foreach (var location in locations)
        {
            var path = new Uri(location).AbsolutePath;
            var page = await Client.GetDocumentAsync(path);
            Assert.Equal(location, page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
            var hreflangs = page.QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => l.GetAttribute("hreflang")).ToList();
            Assert.Equal(["vi", "en", "x-default"], hreflangs);
            Assert.Equal(path[1..3], page.DocumentElement.GetAttribute("lang"));
        }
    }

    [Theory]
    [InlineData(null, "/vi")]
    [InlineData("en-GB,en;q=0.9", "/en")]
    [InlineData("vi-VN,vi;q=0.9,en;q=0.8", "/vi")]
    [InlineData("ja", "/vi")]
    public async Task The_root_redirects_by_Accept_Language(string? acceptLanguage, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Theory]
    [InlineData("/vi/lang-nghe/", "/vi/lang-nghe")]
    [InlineData("/VI/Lang-Nghe/Bat-Trang", "/vi/lang-nghe/bat-trang")]
    [InlineData("/en/villages/?craft=silk", "/en/villages?craft=silk")]
    public async Task Non_canonical_paths_redirect_permanently(string path, string expected)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/vi/lang-nghe/khong-co-lang-nay", "vi", "Không tìm thấy trang")]
    [InlineData("/en/villages/no-such-village", "en", "Page not found")]
    [InlineData("/en/villages/bat-trang/%2e%2e/%2e%2e/etc/passwd", "en", "Page not found")]
    [InlineData("/fr/villages", "vi", "Không tìm thấy trang")]
    [InlineData("/error/404", "vi", "Không tìm thấy trang")]
    [InlineData("/error/500", "vi", "Không tìm thấy trang")]
    public async Task Unknown_pages_get_a_localised_404(string path, string culture, string heading)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
    }

    [Fact]
    public async Task An_unknown_craft_filter_shows_every_village_with_a_notice()
    {
        var all = await Client.GetDocumentAsync("/en/villages");
        var filtered = await Client.GetDocumentAsync("/en/villages?craft=silk");
        var unknown = await Client.GetDocumentAsync("/en/villages?craft=%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        Assert.Equal(10, all.QuerySelectorAll("main .card").Length);
        var silk = Assert.Single(filtered.QuerySelectorAll("main .card"));
        Assert.Contains("Vạn Phúc", silk.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(10, unknown.QuerySelectorAll("main .card").Length);
        Assert.NotNull(unknown.QuerySelector(".notice"));
        Assert.DoesNotContain("<script>alert(1)", unknown.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_endpoints_report_live_and_ready()
    {
        using var live = await Client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var ready = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Pages_carry_a_strict_content_security_policy()
    {
        using var response = await Client.GetAsync(new Uri("/vi", UriKind.Relative));

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    private async Task<List<string>> SitemapLocationsAsync()
    {
        var xml = XDocument.Parse(await Client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        return [.. xml.Descendants(ns + "loc").Select(l => l.Value)];
    }
}

[Collection(SqliteSeededGroup.Name)]
public sealed class PublicRoutesTestsOnSqlite(SqliteSeededSite site) : PublicRoutesTests(site);

[Collection(PostgresSeededGroup.Name)]
public sealed class PublicRoutesTestsOnPostgres(PostgresSeededSite site) : PublicRoutesTests(site);
