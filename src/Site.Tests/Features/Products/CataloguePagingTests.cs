using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Site.Tests.Builders;
using VillageCraftPortal.Site.Tests.Infrastructure;

namespace VillageCraftPortal.Site.Tests.Features.Products;

/// <summary>Sort orders and keyset pages: every product exactly once, both ways, and no OFFSET, on each database.</summary>
public abstract class CataloguePagingTests(StorefrontSite site) : IAsyncLifetime
{
    private const int PageSize = 24;

    private HttpClient Client => site.Client;

    public Task InitializeAsync() => site.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Each_sort_orders_the_products_as_a_buyer_expects()
    {
        var alpha = await site.Catalogue.AddAsync("bat-trang", "Alpha", configure: p => p.CreatedAt = Day(3), variants: [(300_000, 1)]);
        var bravo = await site.Catalogue.AddAsync("bat-trang", "Bravo", configure: p => p.CreatedAt = Day(1), variants: [(100_000, 1)]);
        var charlie = await site.Catalogue.AddAsync("bat-trang", "Charlie", configure: p => p.CreatedAt = Day(2), variants: [(500_000, 1), (50_000, 1)]);
        var delta = await site.Catalogue.AddAsync("bat-trang", "Delta", configure: p => p.CreatedAt = Day(4), variants: [(200_000, 1)]);

        async Task<List<string>> Sorted(string sort) => Listing.Aliases(await Client.GetDocumentAsync("/vi/san-pham?sort=" + sort));

        Assert.Equal([delta.Alias, alpha.Alias, charlie.Alias, bravo.Alias], await Sorted("newest"));
        Assert.Equal([charlie.Alias, bravo.Alias, delta.Alias, alpha.Alias], await Sorted("price-asc"));
        Assert.Equal([alpha.Alias, delta.Alias, bravo.Alias, charlie.Alias], await Sorted("price-desc"));
        Assert.Equal([alpha.Alias, bravo.Alias, charlie.Alias, delta.Alias], await Sorted("name"));
        Assert.Equal(await Sorted("newest"), Listing.Aliases(await Client.GetDocumentAsync("/vi/san-pham")));
    }

    [Theory]
    [InlineData("newest")]
    [InlineData("price-asc")]
    [InlineData("price-desc")]
    [InlineData("name")]
    public async Task Walking_every_page_shows_each_product_exactly_once_in_order_both_ways(string sort)
    {
        // Many equal keys (five dates, seven prices, ten names), so only the id can tell products apart.
        var products = Enumerable.Range(0, 53).Select(i =>
        {
            var product = CatalogueBuilder.New("bat-trang", $"Item {i % 10:00}", variants: [((i % 7 + 1) * 100_000L, 3)]);
            product.CreatedAt = Day(i % 5);
            return product;
        }).ToList();
        await site.Catalogue.SaveAsync(products);
        var expected = Expected(products, sort);

        var forward = await Listing.WalkAsync(Client, $"/en/products?sort={sort}");

        Assert.Equal([PageSize, PageSize, 5], forward.Select(p => p.Count));
        Assert.Equal(expected, forward.SelectMany(p => p));
        var last = await Client.GetDocumentAsync(await LastPageUrlAsync($"/en/products?sort={sort}"));
        var backward = await Listing.WalkAsync(Client, Listing.Link(last, "prev")!, rel: "prev");
        Assert.Equal(forward.Take(2).Reverse(), backward);
    }

    [Fact]
    public async Task Pages_keep_the_filters_and_a_filtered_walk_covers_exactly_the_matching_products()
    {
        var products = Enumerable.Range(0, 120).Select(i => CatalogueBuilder.New(
            i % 2 == 0 ? "bat-trang" : "kim-lan", $"Item {i:000}", variants: [((i % 6 + 1) * 100_000L, i % 3 == 0 ? 0 : 2)])).ToList();
        await site.Catalogue.SaveAsync(products);
        var matching = products.Where(p => p.VillageCode == "bat-trang" && p.Variants[0].Available > 0).ToList();
        var path = "/vi/san-pham?village=bat-trang&instock=true&sort=price-asc";

        var pages = await Listing.WalkAsync(Client, path);

        Assert.Equal([PageSize, 40 - PageSize], pages.Select(p => p.Count));
        Assert.Equal(Expected(matching, "price-asc"), pages.SelectMany(p => p));
        var next = Listing.Link(await Client.GetDocumentAsync(path), "next")!;
        Assert.All(["village=bat-trang", "instock=true", "sort=price-asc", "after="], part => Assert.Contains(part, next, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Listing_queries_page_by_keyset_and_never_by_OFFSET()
    {
        await site.Catalogue.SaveAsync([.. Enumerable.Range(0, 30).Select(i => CatalogueBuilder.New("bat-trang", $"Item {i:00}"))]);
        using var sql = new SqlLog();

        foreach (var sort in new[] { "newest", "price-asc", "price-desc", "name" })
        {
            await Listing.WalkAsync(Client, $"/vi/san-pham?sort={sort}");
        }

        var productQueries = sql.Commands.Where(c => c.Contains("\"Product\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(productQueries);
        Assert.DoesNotContain(productQueries, c => c.Contains("OFFSET", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("after=garbage")]
    [InlineData("after=%21%21%21")]
    [InlineData("before=%E2%82%AB")]
    [InlineData("after=")]
    [InlineData("after=AAAA")]
    public async Task A_page_position_that_is_not_one_gives_the_first_page_and_says_so(string query)
    {
        await site.Catalogue.SaveAsync([.. Enumerable.Range(0, 30).Select(i => CatalogueBuilder.New("bat-trang", $"Item {i:00}"))]);
        var first = Listing.Aliases(await Client.GetDocumentAsync("/vi/san-pham?sort=name"));

        var page = await Client.GetDocumentAsync("/vi/san-pham?sort=name&" + query);

        Assert.Equal(first, Listing.Aliases(page));
        Assert.Equal(query != "after=", Listing.Notices(page).Any(n => n.Contains("trang đầu", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("newest", "1|0|vi|x|5")]
    [InlineData("newest", "1|0|vi|1|abc")]
    [InlineData("newest", "1|0|vi|1|3155378976000000000")]
    [InlineData("newest", "9|0|vi|1|5")]
    [InlineData("newest", "1|0|vi|1")]
    [InlineData("price-asc", "1|1|vi|1|-5")]
    [InlineData("name", "1|2|vi|1|5")]
    [InlineData("name", "1|3|en|1|B")]
    public async Task A_well_formed_position_that_does_not_fit_the_listing_gives_the_first_page(string sort, string position)
    {
        await site.Catalogue.SaveAsync([.. Enumerable.Range(0, 30).Select(i => CatalogueBuilder.New("bat-trang", $"Item {i:00}"))]);
        var first = Listing.Aliases(await Client.GetDocumentAsync($"/vi/san-pham?sort={sort}"));
        var cursor = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(position));

        var page = await Client.GetDocumentAsync($"/vi/san-pham?sort={sort}&after={cursor}");

        Assert.Equal(first, Listing.Aliases(page));
        Assert.Contains(Listing.Notices(page), n => n.Contains("trang đầu", StringComparison.Ordinal));
    }

    private static DateTime Day(int day) => new(2026, 3, 1 + day, 8, 0, 0, DateTimeKind.Utc);

    private static List<string> Expected(IEnumerable<Product> products, string sort)
    {
        var rows = products.Select(p => (p.Alias, p.Id, p.CreatedAt, p.NameEn, Price: p.Variants.Min(v => v.Price)));
        return [.. (sort switch
        {
            "price-asc" => rows.OrderBy(r => r.Price).ThenBy(r => r.Id),
            "price-desc" => rows.OrderByDescending(r => r.Price).ThenByDescending(r => r.Id),
            "name" => rows.OrderBy(r => r.NameEn, StringComparer.Ordinal).ThenBy(r => r.Id),
            _ => rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id),
        }).Select(r => r.Alias)];
    }

    private async Task<string> LastPageUrlAsync(string path)
    {
        var url = path;
        while (Listing.Link(await Client.GetDocumentAsync(url), "next") is { } next)
        {
            url = next;
        }

        return url;
    }
}

[Collection(SqliteStorefrontGroup.Name)]
public sealed class CataloguePagingTestsOnSqlite(SqliteStorefrontSite site) : CataloguePagingTests(site);

[Collection(PostgresStorefrontGroup.Name)]
public sealed class CataloguePagingTestsOnPostgres(PostgresStorefrontSite site) : CataloguePagingTests(site);
