using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Site.Tests.Infrastructure;

namespace VillageCraftPortal.Site.Tests.Backoffice;

/// <summary>
/// The products list shows the user's villages only (administrators: all), filters and searches in the database, and
/// pages by id without OFFSET: every product appears exactly once across the pages.
/// </summary>
public abstract class ProductsListTests(BackofficeSite site)
{
    [Fact]
    public async Task A_Bat_Trang_editor_lists_every_Bat_Trang_product_and_nothing_of_another_village()
    {
        var vanPhuc = ProductsArrange.NewSecret();
        await site.CreateProductAsync("van-phuc", vanPhuc, category: ProductCategory.Silk);
        var own = await site.CreateProductAsync("bat-trang", ProductsArrange.NewSecret());
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);

        var page = await editor.GetDocumentAsync("/backoffice/products");

        var expected = await site.QueryAsync(db => db.Set<Product>().Where(p => p.VillageCode == "bat-trang").OrderByDescending(p => p.Id).Select(p => p.Id).Take(50).ToListAsync());
        Assert.Contains(own.ProductId, expected);
        Assert.Equal(expected, Rows(page));
        Assert.DoesNotContain(vanPhuc, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["bat-trang"], page.QuerySelectorAll("#village option").Select(o => o.GetAttribute("value")).Where(v => v is { Length: > 0 }));
    }

    [Fact]
    public async Task A_village_outside_the_scope_in_the_address_is_ignored()
    {
        var vanPhuc = ProductsArrange.NewSecret();
        await site.CreateProductAsync("van-phuc", vanPhuc, category: ProductCategory.Silk);
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);

        var page = await editor.GetDocumentAsync("/backoffice/products?village=van-phuc&q=" + vanPhuc);

        Assert.Empty(Rows(page));
        Assert.DoesNotContain(vanPhuc, page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_lists_every_village_and_the_columns_add_up()
    {
        var secret = ProductsArrange.NewSecret();
        var variant = await site.CreateProductAsync("van-phuc", secret, price: 380_000, stock: 7, category: ProductCategory.Silk);
        await site.QueryAsync(db =>
        {
            db.Add(new ProductVariant { ProductId = variant.ProductId, Sku = $"{secret.ToUpperInvariant()}-L", Price = 520_000, Available = 3 });
            return db.SaveChangesAsync();
        });
        var admin = await site.SignInAsync(BackofficeSite.Admin);

        var page = await admin.GetDocumentAsync($"/backoffice/products?q={secret}");

        var row = Assert.Single(page.QuerySelectorAll("tr[data-product]"));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains(secret, cells[0], StringComparison.Ordinal);
        Assert.Equal(["van-phuc", "2", "380.000 ₫ – 520.000 ₫", "10", "Đang bán"], cells[1..]);
    }

    [Fact]
    public async Task Filters_narrow_by_category_listing_low_stock_and_sku()
    {
        var secret = ProductsArrange.NewSecret();
        var low = await site.CreateProductAsync("bat-trang", secret, stock: 2);
        var plenty = await site.CreateProductAsync("bat-trang", secret, stock: 40, category: ProductCategory.Lacquer);
        var offSale = await site.CreateProductAsync("bat-trang", secret, stock: 40);
        await site.QueryAsync(db => db.Set<Product>().Where(p => p.Id == offSale.ProductId).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsListed, false)));
        var admin = await site.SignInAsync(BackofficeSite.Admin);

        Assert.Equal([offSale.ProductId, plenty.ProductId, low.ProductId], Rows(await admin.GetDocumentAsync($"/backoffice/products?q={secret}")));
        Assert.Equal([low.ProductId], Rows(await admin.GetDocumentAsync($"/backoffice/products?q={secret}&low=true")));
        Assert.Equal([plenty.ProductId], Rows(await admin.GetDocumentAsync($"/backoffice/products?q={secret}&category=lacquer")));
        Assert.Equal([offSale.ProductId], Rows(await admin.GetDocumentAsync($"/backoffice/products?q={secret}&listed=no")));
        Assert.Equal([plenty.ProductId], Rows(await admin.GetDocumentAsync($"/backoffice/products?q={plenty.Sku.ToLowerInvariant()}")));
    }

    [Fact]
    public async Task Keyset_pages_hold_every_product_once_in_newest_first_order()
    {
        var secret = ProductsArrange.NewSecret();
        var created = new List<int>();
        for (var i = 0; i < 57; i++)
        {
            created.Add((await site.CreateProductAsync("kim-lan", secret, category: ProductCategory.Silk)).ProductId);
        }

        var admin = await site.SignInAsync(BackofficeSite.Admin);
        var seen = new List<int>();
        var path = $"/backoffice/products?village=kim-lan&q={secret}";
        for (var pages = 0; path is not null && pages < 5; pages++)
        {
            var page = await admin.GetDocumentAsync(path);
            seen.AddRange(Rows(page));
            path = page.QuerySelector("a[rel=next]")?.GetAttribute("href") is { } next ? "/backoffice/products" + next : null;
        }

        Assert.Equal(created.OrderDescending(), seen);
    }

    [Fact]
    public async Task No_page_is_served_from_another_users_cache_or_with_stale_stock()
    {
        var secret = ProductsArrange.NewSecret();
        var variant = await site.CreateProductAsync("van-phuc", secret, stock: 10, category: ProductCategory.Silk);
        var admin = await site.SignInAsync(BackofficeSite.Admin);
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var path = $"/backoffice/products?q={secret}";

        var adminsList = await admin.GetDocumentAsync(path);
        var editorsList = await editor.GetDocumentAsync(path);
        var stockBefore = await admin.GetDocumentAsync($"/backoffice/products/variants/{variant.Id}/stock");
        Assert.Equal(VillageCraftPortal.Commerce.Orders.PlacementStatus.Placed, (await site.PlaceOrderAsync(variant.Id)).Status);
        var stockAfter = await admin.GetDocumentAsync($"/backoffice/products/variants/{variant.Id}/stock");

        Assert.Equal([variant.ProductId], Rows(adminsList));
        Assert.Empty(Rows(editorsList));
        Assert.DoesNotContain(secret, editorsList.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(("10", "9"), (stockBefore.QuerySelector("[data-available]")?.GetAttribute("data-available"), stockAfter.QuerySelector("[data-available]")?.GetAttribute("data-available")));
    }

    [Fact]
    public async Task Visitors_who_are_not_signed_in_are_sent_to_sign_in()
    {
        using var response = await site.Guest.GetAsync("/backoffice/products");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/backoffice/sign-in", new Uri(new Uri(SiteFactory.BaseUrl), response.Headers.Location!).AbsolutePath, StringComparison.Ordinal);
    }

    private static List<int> Rows(IDocument page) =>
        [.. page.QuerySelectorAll("tr[data-product]").Select(r => int.Parse(r.GetAttribute("data-product")!, System.Globalization.CultureInfo.InvariantCulture))];
}

public sealed class ProductsListTestsOnSqlite(SqliteBackofficeSite site) : ProductsListTests(site), IClassFixture<SqliteBackofficeSite>;

public sealed class ProductsListTestsOnPostgres(PostgresBackofficeSite site) : ProductsListTests(site), IClassFixture<PostgresBackofficeSite>;
