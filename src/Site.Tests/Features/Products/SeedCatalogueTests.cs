using System.Text.Json;
using VillageCraftPortal.Site.Tests.Infrastructure;

namespace VillageCraftPortal.Site.Tests.Features.Products;

/// <summary>The seed's 40 products as a visitor of the seeded site finds them (read-only), on each database.</summary>
public abstract class SeedCatalogueTests(SeededSite site)
{
    private static readonly string[] Villages =
        ["bat-trang", "kim-lan", "van-phuc", "ha-thai", "chuyen-my", "phu-vinh", "tranh-khuc", "son-dong", "thiet-ung", "trach-xa"];

    private HttpClient Client => site.Client;

    [Fact]
    public async Task Every_seed_product_is_listed_once_and_each_village_lists_its_own()
    {
        var all = (await Listing.WalkAsync(Client, "/vi/san-pham?sort=price-asc")).SelectMany(p => p).ToList();

        Assert.True(all.Count >= 40, $"{all.Count} products listed");
        Assert.Equal(all.Count, all.Distinct().Count());
        var byVillage = new List<string>();
        foreach (var village in Villages)
        {
            var own = (await Listing.WalkAsync(Client, $"/en/products/village/{village}")).SelectMany(p => p).ToList();
            Assert.NotEmpty(own);
            byVillage.AddRange(own);
        }

        Assert.Equal(all.Order(StringComparer.Ordinal), byVillage.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_seed_product_page_renders_with_its_picker_images_and_offer()
    {
        var aliases = (await Listing.WalkAsync(Client, "/en/products")).SelectMany(p => p).ToList();

        foreach (var alias in aliases)
        {
            var page = await Client.GetDocumentAsync($"/en/products/{alias}");
            Assert.NotEmpty(page.QuerySelectorAll("form.buy-form input[name=VariantId]"));
            Assert.NotNull(page.QuerySelector(".product-media img[width][height]"));
            Assert.NotNull(page.QuerySelector(".product-summary .notice"));
            Assert.NotEmpty(page.QuerySelectorAll(".sources .source-list li"));
            var product = page.QuerySelectorAll("script[type='application/ld+json']")
                .Select(s => JsonDocument.Parse(s.TextContent).RootElement)
                .Single(d => d.GetProperty("@type").GetString() == "Product");
            Assert.Equal("VND", product.GetProperty("offers").GetProperty("priceCurrency").GetString());
        }
    }
}

[Collection(SqliteSeededGroup.Name)]
public sealed class SeedCatalogueTestsOnSqlite(SqliteSeededSite site) : SeedCatalogueTests(site);

[Collection(PostgresSeededGroup.Name)]
public sealed class SeedCatalogueTestsOnPostgres(PostgresSeededSite site) : SeedCatalogueTests(site);
