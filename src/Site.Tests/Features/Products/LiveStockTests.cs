using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Commerce.Stock;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Site.Tests.Features.Products;

/// <summary>
/// Stock and prices change with every order, so the shop's pages are never served from the output cache: the next
/// request shows the change, and no visitor gets another's page (or antiforgery token), on each database.
/// </summary>
public abstract class LiveStockTests(StorefrontSite site) : IAsyncLifetime
{
    private HttpClient Client => site.Client;

    public Task InitializeAsync() => site.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_stock_change_shows_on_the_next_request_of_the_product_page_and_the_listing()
    {
        var product = await site.Catalogue.AddAsync("bat-trang", "Vase", variants: [(450_000, 10)]);
        var variant = product.Variants[0];
        var path = $"/en/products/{product.Alias}";
        Assert.Contains("In stock", await StockTextAsync(path), StringComparison.Ordinal);
        Assert.Equal([product.Alias], Listing.Aliases(await Client.GetDocumentAsync("/en/products?instock=true")));

        await TakeAsync(variant.Id, 8);
        Assert.Contains("Only 2 left", await StockTextAsync(path), StringComparison.Ordinal);

        await TakeAsync(variant.Id, 2);
        var page = await Client.GetDocumentAsync(path);
        Assert.Contains("Out of stock", page.QuerySelector(".variant-picker")!.TextContent, StringComparison.Ordinal);
        Assert.True(page.QuerySelector("input[name=VariantId]")!.HasAttribute("disabled"));
        Assert.Empty(Listing.Aliases(await Client.GetDocumentAsync("/en/products?instock=true")));
        Assert.Contains("Out of stock", (await Client.GetDocumentAsync("/en/products")).QuerySelector(".product-card .card-meta")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_price_change_shows_on_the_next_request()
    {
        var product = await site.Catalogue.AddAsync("bat-trang", "Vase", variants: [(450_000, 10)]);
        var path = $"/vi/san-pham/{product.Alias}";
        Assert.Equal("450.000 ₫", (await Client.GetDocumentAsync(path)).QuerySelector("#product-price .price-now")!.TextContent);

        await site.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<VillageCraftPortal.Commerce.Catalogue.ProductVariant>()
            .Where(v => v.Id == product.Variants[0].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Price, 399_000L)));

        Assert.Equal("399.000 ₫", (await Client.GetDocumentAsync(path)).QuerySelector("#product-price .price-now")!.TextContent);
        Assert.Equal("399.000 ₫", (await Client.GetDocumentAsync("/vi/san-pham")).QuerySelector(".product-card .price-now")!.TextContent);
    }

    [Fact]
    public async Task Two_visitors_never_share_a_page_or_its_antiforgery_token()
    {
        var product = await site.Catalogue.AddAsync("bat-trang", "Vase");
        var path = $"/vi/san-pham/{product.Alias}";
        using var other = await site.Factory.CreateReadyClientAsync();

        // The first visit sets the antiforgery cookie (never cached); the second would be cached if anything were.
        (await Client.GetAsync(new Uri(path, UriKind.Relative))).Dispose();
        using var first = await Client.GetAsync(new Uri(path, UriKind.Relative));
        using var second = await other.GetAsync(new Uri(path, UriKind.Relative));

        string Token(string html) => Html.Parse(html).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.NotEqual(Token(await first.Content.ReadAsStringAsync()), Token(await second.Content.ReadAsStringAsync()));
        Assert.False(second.Headers.Contains("Age"));
    }

    private async Task<string> StockTextAsync(string path) =>
        (await Client.GetDocumentAsync(path)).QuerySelector(".variant-picker label")!.TextContent;

    private Task<bool> TakeAsync(int variantId, int quantity) => site.InScopeAsync(async sp =>
    {
        var keeper = sp.GetRequiredService<StockKeeper>();
        Assert.True(await keeper.TryTakeAsync(variantId, quantity, orderId: null, "test", CancellationToken.None));
        await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return true;
    });
}

[Collection(SqliteStorefrontGroup.Name)]
public sealed class LiveStockTestsOnSqlite(SqliteStorefrontSite site) : LiveStockTests(site);

[Collection(PostgresStorefrontGroup.Name)]
public sealed class LiveStockTestsOnPostgres(PostgresStorefrontSite site) : LiveStockTests(site);
