using System.Net;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Site.Tests.Infrastructure;

namespace VillageCraftPortal.Site.Tests.Features.Products;

/// <summary>The product page: a variant picker that needs no JavaScript, prices, OCOP standing, honesty notes, on each database.</summary>
public abstract class ProductPageTests(StorefrontSite site) : IAsyncLifetime
{
    private HttpClient Client => site.Client;

    public Task InitializeAsync() => site.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_variant_picker_is_a_plain_form_posting_to_the_cart_with_an_antiforgery_token()
    {
        var product = await site.Catalogue.AddAsync("bat-trang", "Tea set", variants: [(480_000, 0), (690_000, 2), (990_000, 40)]);

        var page = await Client.GetDocumentAsync($"/vi/san-pham/{product.Alias}");

        var form = page.QuerySelector("form.buy-form")!;
        Assert.Equal(("post", "/vi/gio-hang?handler=add"), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.False(string.IsNullOrEmpty(form.QuerySelector("input[type=hidden][name=__RequestVerificationToken]")?.GetAttribute("value")));
        var radios = form.QuerySelectorAll("input[type=radio][name=VariantId]");
        Assert.Equal(product.Variants.Select(v => v.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), radios.Select(r => r.GetAttribute("value")));
        Assert.All(radios, r => Assert.NotNull(form.QuerySelector($"label[for='{r.Id}']")));
        var (soldOut, few, plenty) = (radios[0], radios[1], radios[2]);
        Assert.True(soldOut.HasAttribute("disabled"));
        Assert.False(few.HasAttribute("disabled") || plenty.HasAttribute("disabled"));
        Assert.Equal(few, Assert.Single(radios, r => r.HasAttribute("checked")));
        string Label(AngleSharp.Dom.IElement radio) => form.QuerySelector($"label[for='{radio.Id}']")!.TextContent;
        Assert.Contains("Hết hàng", Label(soldOut), StringComparison.Ordinal);
        Assert.Contains("Chỉ còn 2", Label(few), StringComparison.Ordinal);
        Assert.Contains("Còn hàng", Label(plenty), StringComparison.Ordinal);
        var quantity = form.QuerySelector("input[name=Quantity]")!;
        Assert.Equal(("number", "1", "99", "1"), (quantity.GetAttribute("type"), quantity.GetAttribute("min"), quantity.GetAttribute("max"), quantity.GetAttribute("value")));
        Assert.NotNull(page.QuerySelector($"label[for='{quantity.Id}']"));
        Assert.False(form.QuerySelector("button[type=submit]")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_sold_out_product_can_be_seen_but_not_added()
    {
        var product = await site.Catalogue.AddAsync("van-phuc", "Scarf", ProductCategory.Silk, variants: [(300_000, 0)]);

        var page = await Client.GetDocumentAsync($"/en/products/{product.Alias}");

        Assert.All(page.QuerySelectorAll("input[name=VariantId]"), r => Assert.True(r.HasAttribute("disabled")));
        Assert.Null(page.QuerySelector("input[name=VariantId][checked]"));
        Assert.True(page.QuerySelector("form.buy-form button[type=submit]")!.HasAttribute("disabled"));
        Assert.Contains("sold out", page.QuerySelector("form.buy-form .notice")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vi", "1.250.000 ₫", "1.500.000 ₫", "Từ")]
    [InlineData("en", "₫1,250,000", "₫1,500,000", "From")]
    public async Task Prices_read_as_each_culture_writes_dong(string culture, string price, string earlier, string from)
    {
        var product = await site.Catalogue.AddAsync("bat-trang", "Vase", configure: p => p.Variants[0].CompareAtPrice = 1_500_000, variants: [(1_250_000, 3), (2_000_000, 3)]);
        var path = culture == "en" ? $"/en/products/{product.Alias}" : $"/vi/san-pham/{product.Alias}";

        var page = await Client.GetDocumentAsync(path);
        var card = (await Client.GetDocumentAsync(culture == "en" ? "/en/products" : "/vi/san-pham")).QuerySelector(".product-card .price")!;

        var top = page.QuerySelector("#product-price .price")!;
        Assert.Equal(price, top.QuerySelector(".price-now")!.TextContent);
        Assert.Contains(earlier, top.QuerySelector("s.price-was")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith(from, top.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(price, card.QuerySelector(".price-now")!.TextContent);
        Assert.Contains(earlier, card.QuerySelector("s.price-was")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(culture == "en" ? "₫2,000,000" : "2.000.000 ₫", page.QuerySelector(".variant-picker")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_certificate_is_shown_as_expired_never_as_stars()
    {
        var today = StorefrontSite.Today;
        var expired = await site.Catalogue.AddAsync("ha-thai", "Expired box", ProductCategory.Lacquer, configure: p =>
            (p.OcopStars, p.OcopCertificateNumber, p.OcopIssuedOn, p.OcopExpiresOn) = (4, "HT-2023-017", today.AddMonths(-36).AddDays(-1), today.AddDays(-1)));
        var valid = await site.Catalogue.AddAsync("ha-thai", "Valid box", ProductCategory.Lacquer, configure: p =>
            (p.OcopStars, p.OcopCertificateNumber, p.OcopIssuedOn, p.OcopExpiresOn) = (4, "HT-2023-018", today.AddMonths(-36), today));

        var expiredPage = await Client.GetDocumentAsync($"/en/products/{expired.Alias}");
        var validPage = await Client.GetDocumentAsync($"/en/products/{valid.Alias}");
        var listing = await Client.GetDocumentAsync("/en/products");

        var certificate = expiredPage.QuerySelector(".ocop-certificate")!;
        Assert.Contains("OCOP certificate expired", certificate.TextContent, StringComparison.Ordinal);
        Assert.Contains("HT-2023-017", certificate.TextContent, StringComparison.Ordinal);
        Assert.Contains("30 November 2026", certificate.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("4 stars", expiredPage.QuerySelector(".product-layout")!.TextContent + certificate.TextContent, StringComparison.Ordinal);
        Assert.Empty(expiredPage.QuerySelectorAll(".product-layout .stars, .ocop-certificate .stars"));
        Assert.Contains("OCOP 4 stars", validPage.QuerySelector(".ocop-certificate")!.TextContent, StringComparison.Ordinal);
        string CardMeta(string alias) => listing.QuerySelectorAll(".product-card")
            .Single(c => c.QuerySelector(".card-title a")!.GetAttribute("href")!.EndsWith("/" + alias, StringComparison.Ordinal)).QuerySelector(".card-meta")!.TextContent;
        Assert.Contains("OCOP certificate expired", CardMeta(expired.Alias), StringComparison.Ordinal);
        Assert.Contains("OCOP 4 stars", CardMeta(valid.Alias), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stars_without_a_certificate_are_shown_only_as_unconfirmed_with_the_sources()
    {
        var product = await site.Catalogue.AddAsync("bat-trang", "Tea set", configure: p =>
        {
            (p.OcopStars, p.Unverified, p.Illustrative) = (4, ["ocop"], true);
            p.Sources = [new ProductSource { Title = "Bát Tràng nâng tầm sản phẩm gốm sứ", Publisher = "Hànộimới", Url = "https://hanoimoi.vn/print/679727.html" }];
        });

        var page = await Client.GetDocumentAsync($"/vi/san-pham/{product.Alias}");

        var ocop = page.QuerySelector(".ocop-certificate")!;
        Assert.Contains("OCOP 4 sao", ocop.TextContent, StringComparison.Ordinal);
        Assert.Contains("chưa xác minh", ocop.QuerySelector(".badge")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("minh hoạ", page.QuerySelector(".product-summary .notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://hanoimoi.vn/print/679727.html", page.QuerySelector(".sources .source-list a")!.GetAttribute("href"));
        Assert.Contains("hạng sao OCOP", page.QuerySelector(".sources .unverified-note")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".product-card .badge-ocop"));
    }

    [Fact]
    public async Task The_page_shows_the_facts_and_links_the_village_and_its_centre()
    {
        var product = await site.Catalogue.AddAsync("bat-trang", "Vase", configure: p =>
            (p.NameVi, p.DescriptionVi, p.DescriptionEn, p.MaterialsVi, p.CareVi, p.Dimensions, p.WeightGrams) =
                ("Bình men rạn", "Bình gốm men rạn.", null, "Gốm sứ", "Lau bằng khăn mềm", "Ø 18 × 30 cm", 1_400));

        var page = await Client.GetDocumentAsync($"/en/products/{product.Alias}");

        Assert.Equal("Vase", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("vi", page.QuerySelector("#description-heading + p")!.GetAttribute("lang"));
        var facts = page.QuerySelector(".product-facts")!.TextContent;
        Assert.All(["Gốm sứ", "Lau bằng khăn mềm", "Ø 18 × 30 cm", "1.4 kg"], fact => Assert.Contains(fact, facts, StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector(".product-facts a[href='/en/villages/bat-trang/design-centre']"));
        Assert.NotNull(page.QuerySelector(".product-summary a[href='/en/products/village/bat-trang']"));
    }

    [Fact]
    public async Task A_missing_image_leaves_a_plain_panel_and_never_breaks_the_page()
    {
        var product = await site.Catalogue.AddAsync("bat-trang", "No photo", configure: p => p.ImageKeys = ["no-such-image"]);
        var pictured = await site.Catalogue.AddAsync("bat-trang", "Photo", configure: p => p.ImageKeys = ["no-such-image", "bat-trang-hero"]);

        var page = await Client.GetDocumentAsync($"/vi/san-pham/{product.Alias}");
        var other = await Client.GetDocumentAsync($"/vi/san-pham/{pictured.Alias}");
        var listing = await Client.GetDocumentAsync("/vi/san-pham");

        Assert.Empty(page.QuerySelectorAll(".product-media img"));
        Assert.NotNull(page.QuerySelector(".product-media .image-missing[role=img][aria-label]"));
        var image = other.QuerySelector(".product-media img")!;
        Assert.True(int.Parse(image.GetAttribute("width")!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.True(int.Parse(image.GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(1, listing.QuerySelectorAll(".product-card img").Length);
        Assert.Equal(1, listing.QuerySelectorAll(".product-card .image-missing").Length);
    }

    [Fact]
    public async Task Related_products_share_the_category_or_the_village_up_to_four()
    {
        var product = await site.Catalogue.AddAsync("bat-trang", "Vase");
        var sameBoth = await site.Catalogue.AddAsync("bat-trang", "Bowl");
        var sameCategory = await site.Catalogue.AddAsync("kim-lan", "Jar");
        var sameVillage = await site.Catalogue.AddAsync("bat-trang", "Tile", ProductCategory.Statues);
        await site.Catalogue.AddAsync("van-phuc", "Scarf", ProductCategory.Silk);
        await site.Catalogue.AddAsync("bat-trang", "Hidden", configure: p => p.IsListed = false);
        var more = await site.Catalogue.AddAsync("kim-lan", "Cup");
        var plate = await site.Catalogue.AddAsync("kim-lan", "Plate");

        var related = Listing.Aliases(await Client.GetDocumentAsync($"/vi/san-pham/{product.Alias}"));
        var relatedToTile = Listing.Aliases(await Client.GetDocumentAsync($"/vi/san-pham/{sameVillage.Alias}"));

        // Both shared first, then the category, then the village; the product itself and hidden ones never.
        Assert.Equal([sameBoth.Alias, sameCategory.Alias, more.Alias, plate.Alias], related);
        Assert.Equal([product.Alias, sameBoth.Alias], relatedToTile);
    }

    [Theory]
    [InlineData("/vi/san-pham/khong-co", "vi")]
    [InlineData("/en/products/no-such-product", "en")]
    [InlineData("/vi/san-pham/lang-nghe/khong-co", "vi")]
    [InlineData("/en/products/village/nowhere", "en")]
    public async Task Unknown_products_and_villages_get_the_localised_404(string path, string culture)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(culture == "en" ? "Page not found" : new VillageCraftPortal.Web.Shared.UiTexts().Get("vi", "error.404.title"), page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Unlisted_variantless_and_absurd_aliases_are_not_found()
    {
        var hidden = await site.Catalogue.AddAsync("bat-trang", "Hidden", configure: p => p.IsListed = false);
        var empty = await site.Catalogue.AddAsync("bat-trang", "Empty", configure: p => p.Variants.Clear());

        foreach (var path in new[] { $"/vi/san-pham/{hidden.Alias}", $"/en/products/{empty.Alias}", $"/vi/san-pham/{new string('a', 10_000)}" })
        {
            using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }
}

[Collection(SqliteStorefrontGroup.Name)]
public sealed class ProductPageTestsOnSqlite(SqliteStorefrontSite site) : ProductPageTests(site);

[Collection(PostgresStorefrontGroup.Name)]
public sealed class ProductPageTestsOnPostgres(PostgresStorefrontSite site) : ProductPageTests(site);
