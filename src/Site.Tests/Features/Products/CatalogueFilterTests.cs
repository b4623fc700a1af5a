using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Site.Tests.Infrastructure;

namespace VillageCraftPortal.Site.Tests.Features.Products;

/// <summary>The listing's filters, each on its own, and what happens to values that make no sense, on each database.</summary>
public abstract class CatalogueFilterTests(StorefrontSite site) : IAsyncLifetime
{
    private HttpClient Client => site.Client;

    public Task InitializeAsync() => site.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_village_filter_shows_only_that_village()
    {
        var bowl = await site.Catalogue.AddAsync("bat-trang", "Bowl");
        var scarf = await site.Catalogue.AddAsync("van-phuc", "Scarf", ProductCategory.Silk);

        Assert.Equal([bowl.Alias], Listing.Aliases(await Client.GetDocumentAsync("/vi/san-pham?village=bat-trang")));
        Assert.Equal([scarf.Alias], Listing.Aliases(await Client.GetDocumentAsync("/en/products?village=van-phuc")));
    }

    [Fact]
    public async Task The_category_filter_shows_only_that_category()
    {
        var vase = await site.Catalogue.AddAsync("bat-trang", "Vase");
        var box = await site.Catalogue.AddAsync("ha-thai", "Box", ProductCategory.Lacquer);

        Assert.Equal([box.Alias], Listing.Aliases(await Client.GetDocumentAsync("/vi/san-pham?category=lacquer")));
        Assert.Equal([vase.Alias], Listing.Aliases(await Client.GetDocumentAsync("/vi/san-pham?category=ceramics")));
    }

    [Fact]
    public async Task Stars_count_only_with_a_certificate_standing_today_in_Hanoi()
    {
        var today = StorefrontSite.Today;
        var four = await site.Catalogue.AddAsync("bat-trang", "Four", configure: p => Certify(p, 4, today));
        var five = await site.Catalogue.AddAsync("bat-trang", "Five", configure: p => Certify(p, 5, today.AddYears(1)));
        await site.Catalogue.AddAsync("bat-trang", "Expired yesterday", configure: p => Certify(p, 5, today.AddDays(-1)));
        await site.Catalogue.AddAsync("bat-trang", "Stars without certificate", configure: p => (p.OcopStars, p.Unverified) = (5, ["ocop"]));
        await site.Catalogue.AddAsync("bat-trang", "No rating");

        Assert.Equal(new[] { five.Alias, four.Alias }.Order(), Listing.Aliases(await Client.GetDocumentAsync("/vi/san-pham?stars=4")).Order());
        Assert.Equal([five.Alias], Listing.Aliases(await Client.GetDocumentAsync("/vi/san-pham?stars=5")));
    }

    [Fact]
    public async Task A_product_is_in_a_price_range_when_one_of_its_variants_is()
    {
        var cheapAndDear = await site.Catalogue.AddAsync("bat-trang", "Two sizes", variants: [(100_000, 5), (900_000, 5)]);
        var middle = await site.Catalogue.AddAsync("bat-trang", "Middle", variants: [(500_000, 5)]);
        var dear = await site.Catalogue.AddAsync("bat-trang", "Dear", variants: [(1_500_000, 5)]);

        Assert.Equal([cheapAndDear.Alias], Listing.Aliases(await Client.GetDocumentAsync("/vi/san-pham?min=800000&max=1000000")));
        Assert.Equal([middle.Alias], Listing.Aliases(await Client.GetDocumentAsync("/vi/san-pham?min=400000&max=600000")));
        Assert.Equal([cheapAndDear.Alias], Listing.Aliases(await Client.GetDocumentAsync("/vi/san-pham?max=150000")));
        Assert.Equal([dear.Alias], Listing.Aliases(await Client.GetDocumentAsync("/vi/san-pham?min=1000000")));
        Assert.Equal([middle.Alias], Listing.Aliases(await Client.GetDocumentAsync("/vi/san-pham?min=500.000&max=500.000")));
    }

    [Fact]
    public async Task In_stock_means_at_least_one_variant_can_be_bought()
    {
        await site.Catalogue.AddAsync("bat-trang", "Sold out", variants: [(100_000, 0), (200_000, 0)]);
        var oneLeft = await site.Catalogue.AddAsync("bat-trang", "One size left", variants: [(100_000, 0), (200_000, 1)]);

        Assert.Equal([oneLeft.Alias], Listing.Aliases(await Client.GetDocumentAsync("/vi/san-pham?instock=true")));
        Assert.Equal(2, Listing.Aliases(await Client.GetDocumentAsync("/vi/san-pham")).Count);
        var none = await Client.GetDocumentAsync("/vi/san-pham?instock=true&category=food");
        Assert.Empty(Listing.Aliases(none));
        Assert.Contains("Không có sản phẩm nào phù hợp", none.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unlisted_products_and_products_without_variants_are_never_shown()
    {
        var listed = await site.Catalogue.AddAsync("bat-trang", "Listed");
        await site.Catalogue.AddAsync("bat-trang", "Taken off sale", configure: p => p.IsListed = false);
        await site.Catalogue.AddAsync("bat-trang", "No variants", configure: p => p.Variants.Clear());

        Assert.Equal([listed.Alias], Listing.Aliases(await Client.GetDocumentAsync("/vi/san-pham")));
    }

    [Theory]
    [InlineData("min=-5", true)]
    [InlineData("min=abc", true)]
    [InlineData("min=500000&max=100", true)]
    [InlineData("max=99999999999999999999", true)]
    [InlineData("stars=7", true)]
    [InlineData("stars=-3", true)]
    [InlineData("category=unknown", true)]
    [InlineData("village=nowhere", true)]
    [InlineData("village=bat-trang%27%20OR%201%3D1", true)]
    [InlineData("sort=sideways", false)]
    [InlineData("instock=maybe", false)]
    public async Task A_filter_value_that_makes_no_sense_is_ignored_and_named(string query, bool named)
    {
        var bowl = await site.Catalogue.AddAsync("bat-trang", "Bowl");
        var scarf = await site.Catalogue.AddAsync("van-phuc", "Scarf", ProductCategory.Silk);

        var page = await Client.GetDocumentAsync("/en/products?" + query);

        Assert.Equal(new[] { bowl.Alias, scarf.Alias }.Order(), Listing.Aliases(page).Order());
        Assert.Equal(named, Listing.Notices(page).Any(n => n.Contains("not valid", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("village")]
    [InlineData("category")]
    [InlineData("stars")]
    [InlineData("min")]
    [InlineData("max")]
    [InlineData("instock")]
    [InlineData("sort")]
    [InlineData("after")]
    [InlineData("before")]
    public async Task Ten_thousand_characters_in_a_parameter_are_not_an_error(string name)
    {
        var bowl = await site.Catalogue.AddAsync("bat-trang", "Bowl");

        var page = await Client.GetDocumentAsync($"/vi/san-pham?{name}={new string('9', 10_000)}");

        Assert.Equal([bowl.Alias], Listing.Aliases(page));
    }

    [Fact]
    public async Task The_form_keeps_the_chosen_filters_and_works_as_a_plain_GET()
    {
        await site.Catalogue.AddAsync("bat-trang", "Bowl");

        var page = await Client.GetDocumentAsync("/vi/san-pham?village=bat-trang&category=ceramics&stars=4&min=1000&max=2000000&instock=true&sort=name");

        var form = page.QuerySelector("form.catalogue-filters")!;
        Assert.Equal(("get", "/vi/san-pham"), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.Equal("bat-trang", form.QuerySelector("select[name=village] option[selected]")!.GetAttribute("value"));
        Assert.Equal("ceramics", form.QuerySelector("select[name=category] option[selected]")!.GetAttribute("value"));
        Assert.Equal("4", form.QuerySelector("select[name=stars] option[selected]")!.GetAttribute("value"));
        Assert.Equal("1000", form.QuerySelector("input[name=min]")!.GetAttribute("value"));
        Assert.Equal("2000000", form.QuerySelector("input[name=max]")!.GetAttribute("value"));
        Assert.True(form.QuerySelector("input[name=instock]")!.HasAttribute("checked"));
        Assert.Equal("name", form.QuerySelector("select[name=sort] option[selected]")!.GetAttribute("value"));
        Assert.All(form.QuerySelectorAll("select, input"), field => Assert.NotNull(page.QuerySelector($"label[for='{field.Id}']")));
    }

    private static void Certify(Product product, int stars, DateOnly expiresOn) =>
        (product.OcopStars, product.OcopCertificateNumber, product.OcopIssuedOn, product.OcopExpiresOn) =
            (stars, $"OCOP-{stars}-{expiresOn:yyyyMMdd}", expiresOn.AddMonths(-36), expiresOn);
}

[Collection(SqliteStorefrontGroup.Name)]
public sealed class CatalogueFilterTestsOnSqlite(SqliteStorefrontSite site) : CatalogueFilterTests(site);

[Collection(PostgresStorefrontGroup.Name)]
public sealed class CatalogueFilterTestsOnPostgres(PostgresStorefrontSite site) : CatalogueFilterTests(site);
