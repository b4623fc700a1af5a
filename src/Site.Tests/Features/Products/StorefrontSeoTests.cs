using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Site.Tests.Infrastructure;

namespace VillageCraftPortal.Site.Tests.Features.Products;

/// <summary>What search engines read on the shop's pages: JSON-LD, canonical and hreflang, the sitemap, on each database.</summary>
public abstract class StorefrontSeoTests(StorefrontSite site) : IAsyncLifetime
{
    private const string Base = SiteFactory.BaseUrl;

    private HttpClient Client => site.Client;

    public Task InitializeAsync() => site.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_product_with_variants_is_a_Product_with_an_AggregateOffer_in_whole_dong()
    {
        var product = await site.Catalogue.AddAsync("bat-trang", "Tea set", variants: [(1_250_000, 4), (1_990_000, 0)]);

        var data = JsonLd(await Client.GetDocumentAsync($"/en/products/{product.Alias}"));

        var item = Assert.Single(data, d => d.GetProperty("@type").GetString() == "Product");
        Assert.Equal("Tea set", item.GetProperty("name").GetString());
        Assert.Equal($"{Base}/en/products/{product.Alias}", item.GetProperty("url").GetString());
        Assert.Equal("Bát Tràng pottery village creative design centre", item.GetProperty("brand").GetProperty("name").GetString());
        Assert.Equal($"{Base}/en/villages/bat-trang/design-centre", item.GetProperty("manufacturer").GetProperty("url").GetString());
        var offer = item.GetProperty("offers");
        Assert.Equal("AggregateOffer", offer.GetProperty("@type").GetString());
        Assert.Equal("VND", offer.GetProperty("priceCurrency").GetString());
        Assert.Equal((1_250_000L, 1_990_000L, 2), (Whole(offer.GetProperty("lowPrice")), Whole(offer.GetProperty("highPrice")), offer.GetProperty("offerCount").GetInt32()));
        var offers = offer.GetProperty("offers").EnumerateArray().ToList();
        Assert.Equal(product.Variants.Select(v => v.Sku), offers.Select(o => o.GetProperty("sku").GetString()));
        Assert.Equal([1_250_000L, 1_990_000L], offers.Select(o => Whole(o.GetProperty("price"))));
        Assert.All(offers, o => Assert.Equal("VND", o.GetProperty("priceCurrency").GetString()));
        Assert.Equal(["https://schema.org/InStock", "https://schema.org/OutOfStock"], offers.Select(o => o.GetProperty("availability").GetString()));
        Assert.Single(data, d => d.GetProperty("@type").GetString() == "BreadcrumbList");
    }

    [Fact]
    public async Task A_single_variant_is_one_Offer_with_its_sku_and_never_a_rating()
    {
        var product = await site.Catalogue.AddAsync("van-phuc", "Scarf", ProductCategory.Silk, configure: p =>
        {
            (p.OcopStars, p.OcopCertificateNumber, p.OcopIssuedOn, p.OcopExpiresOn) = (5, "VP-1", new DateOnly(2025, 1, 1), new DateOnly(2028, 1, 1));
            p.ImageKeys = ["van-phuc-hero"];
        }, variants: [(380_000, 0)]);

        var page = await Client.GetDocumentAsync($"/vi/san-pham/{product.Alias}");

        var item = Assert.Single(JsonLd(page), d => d.GetProperty("@type").GetString() == "Product");
        var offer = item.GetProperty("offers");
        Assert.Equal(("Offer", 380_000L, "VND"), (offer.GetProperty("@type").GetString(), Whole(offer.GetProperty("price")), offer.GetProperty("priceCurrency").GetString()));
        Assert.Equal("https://schema.org/OutOfStock", offer.GetProperty("availability").GetString());
        Assert.Equal(product.Variants[0].Sku, item.GetProperty("sku").GetString());
        Assert.StartsWith($"{Base}/media/", item.GetProperty("image")[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Rating", string.Join(' ', page.QuerySelectorAll("script[type='application/ld+json']").Select(s => s.TextContent)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Product_pages_link_their_canonical_address_and_both_cultures()
    {
        var product = await site.Catalogue.AddAsync("bat-trang", "Vase");

        var page = await Client.GetDocumentAsync($"/en/products/{product.Alias}");

        Assert.Equal($"{Base}/en/products/{product.Alias}", Href(page, "link[rel=canonical]"));
        Assert.Equal($"{Base}/vi/san-pham/{product.Alias}", Href(page, "link[hreflang=vi]"));
        Assert.Equal($"{Base}/en/products/{product.Alias}", Href(page, "link[hreflang=en]"));
        Assert.Equal($"{Base}/vi/san-pham/{product.Alias}", Href(page, "link[hreflang=x-default]"));
        Assert.Equal($"/vi/san-pham/{product.Alias}", page.QuerySelector(".language-switcher a[hreflang=vi]")!.GetAttribute("href"));
        Assert.Equal(["/en", "/en/products", "/en/products/village/bat-trang"], page.QuerySelectorAll(".breadcrumbs a").Select(a => a.GetAttribute("href")));
        Assert.Null(page.QuerySelector("meta[name=robots]"));
    }

    [Fact]
    public async Task Listings_are_canonical_unfiltered_and_filtered_views_are_not_indexed()
    {
        await site.Catalogue.AddAsync("bat-trang", "Vase");

        var all = await Client.GetDocumentAsync("/vi/san-pham");
        var village = await Client.GetDocumentAsync("/en/products/village/bat-trang");
        var filtered = await Client.GetDocumentAsync("/vi/san-pham?category=ceramics");

        Assert.Equal($"{Base}/vi/san-pham", Href(all, "link[rel=canonical]"));
        Assert.Equal($"{Base}/en/products", Href(all, "link[hreflang=en]"));
        Assert.Null(all.QuerySelector("meta[name=robots]"));
        Assert.Equal($"{Base}/en/products/village/bat-trang", Href(village, "link[rel=canonical]"));
        Assert.Equal($"{Base}/vi/san-pham/lang-nghe/bat-trang", Href(village, "link[hreflang=vi]"));
        Assert.Null(village.QuerySelector("meta[name=robots]"));
        Assert.Contains("Bát Tràng", village.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Null(village.QuerySelector("select[name=village]"));
        Assert.Equal("/en/products/village/bat-trang", village.QuerySelector("form.catalogue-filters")!.GetAttribute("action"));
        Assert.Equal("noindex", filtered.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Equal($"{Base}/vi/san-pham", Href(filtered, "link[rel=canonical]"));
    }

    [Fact]
    public async Task A_village_listing_shows_only_its_products_and_keeps_its_other_filters()
    {
        var vase = await site.Catalogue.AddAsync("bat-trang", "Vase");
        var figure = await site.Catalogue.AddAsync("bat-trang", "Figure", ProductCategory.Statues);
        await site.Catalogue.AddAsync("kim-lan", "Jar");

        Assert.Equal(new[] { vase.Alias, figure.Alias }.Order(), Listing.Aliases(await Client.GetDocumentAsync("/vi/san-pham/lang-nghe/bat-trang")).Order());
        Assert.Equal([figure.Alias], Listing.Aliases(await Client.GetDocumentAsync("/en/products/village/bat-trang?category=statues")));
        Assert.Equal(new[] { vase.Alias, figure.Alias }.Order(), Listing.Aliases(await Client.GetDocumentAsync("/vi/san-pham/lang-nghe/bat-trang?village=kim-lan")).Order());
    }

    [Fact]
    public async Task The_sitemap_lists_listed_products_and_listings_in_both_cultures_with_alternates()
    {
        var vase = await site.Catalogue.AddAsync("bat-trang", "Vase");
        var hidden = await site.Catalogue.AddAsync("kim-lan", "Hidden", configure: p => p.IsListed = false);

        // The sitemap is output-cached by query string: a fresh one here, whatever another test fetched before.
        var xml = XDocument.Parse(await Client.GetStringAsync(new Uri($"/sitemap.xml?test={Guid.NewGuid():N}", UriKind.Relative)));

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var urls = xml.Descendants(ns + "url").ToDictionary(u => u.Element(ns + "loc")!.Value);
        Assert.Contains($"{Base}/vi/lang-nghe/bat-trang", urls.Keys);
        foreach (var loc in new[] { $"{Base}/vi/san-pham/{vase.Alias}", $"{Base}/en/products/{vase.Alias}", $"{Base}/vi/san-pham", $"{Base}/en/products/village/bat-trang" })
        {
            Assert.True(urls.ContainsKey(loc), loc);
        }

        var alternates = urls[$"{Base}/en/products/{vase.Alias}"].Elements(xhtml + "link").ToDictionary(l => l.Attribute("hreflang")!.Value, l => l.Attribute("href")!.Value);
        Assert.Equal($"{Base}/vi/san-pham/{vase.Alias}", alternates["vi"]);
        Assert.Equal($"{Base}/en/products/{vase.Alias}", alternates["en"]);
        Assert.Equal($"{Base}/vi/san-pham/{vase.Alias}", alternates["x-default"]);
        Assert.DoesNotContain(urls.Keys, u => u.EndsWith(hidden.Alias, StringComparison.Ordinal) || u.EndsWith("/village/kim-lan", StringComparison.Ordinal));
        Assert.Equal(urls.Count, xml.Descendants(ns + "url").Count());
    }

    [Fact]
    public async Task The_header_links_the_shop_and_a_village_page_links_its_products()
    {
        var header = await Client.GetDocumentAsync("/en");
        var village = await Client.GetDocumentAsync("/vi/lang-nghe/bat-trang");

        Assert.Equal("Products", header.QuerySelector(".primary-nav a[href='/en/products']")!.TextContent);
        Assert.NotNull(village.QuerySelector(".primary-nav a[href='/vi/san-pham']"));
        Assert.NotNull(village.QuerySelector("main a[href='/vi/san-pham/lang-nghe/bat-trang']"));
        var shop = await Client.GetDocumentAsync("/vi/san-pham");
        Assert.Equal("page", shop.QuerySelector(".primary-nav a[href='/vi/san-pham']")!.GetAttribute("aria-current"));
    }

    private static List<JsonElement> JsonLd(IDocument page) =>
        [.. page.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement)];

    /// <summary>A JSON number with no fraction (VND has no minor unit): "1250000", never "1250000.00" or a string.</summary>
    private static long Whole(JsonElement value)
    {
        Assert.Equal(JsonValueKind.Number, value.ValueKind);
        Assert.DoesNotContain('.', value.GetRawText());
        return value.GetInt64();
    }

    private static string? Href(IDocument page, string selector) => page.QuerySelector(selector)?.GetAttribute("href");
}

[Collection(SqliteStorefrontGroup.Name)]
public sealed class StorefrontSeoTestsOnSqlite(SqliteStorefrontSite site) : StorefrontSeoTests(site);

[Collection(PostgresStorefrontGroup.Name)]
public sealed class StorefrontSeoTestsOnPostgres(PostgresStorefrontSite site) : StorefrontSeoTests(site);
