using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Features.Cart;
using VillageCraftPortal.Web.Features.Shop;
using ShopCart = VillageCraftPortal.Commerce.Cart.Cart;

namespace VillageCraftPortal.Site.Tests.Features.Checkout;

/// <summary>The cart page through HTTP, as a browser without JavaScript uses it: add, update, remove, and what changed.</summary>
public abstract class CartPageTests(ShopSite site)
{
    [Fact]
    public async Task Adding_answers_see_other_to_the_cart_and_sets_a_protected_http_only_cookie()
    {
        var vase = await site.Products.CreateAsync("bat-trang", price: 1_250_000, stock: 10);
        using var buyer = site.NewShopper();

        using var added = await buyer.AddAsync(vase.Id, "2");

        Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
        Assert.Equal("/vi/gio-hang?status=added", added.Headers.Location?.OriginalString);
        var setCookie = added.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(CartCookie.Name + "=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", setCookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", setCookie, StringComparison.Ordinal);
        Assert.Contains("secure", setCookie, StringComparison.Ordinal);
        Assert.Contains("max-age=2592000", setCookie, StringComparison.Ordinal);
        var cartId = await CartWithAsync(vase.Id);
        Assert.DoesNotContain(cartId.ToString("N"), buyer.Cookie(CartCookie.Name)!, StringComparison.OrdinalIgnoreCase);

        var page = await buyer.CartAsync("?status=added");

        Assert.Contains("Đã thêm vào giỏ hàng.", page.QuerySelector(".shop-status")!.TextContent, StringComparison.Ordinal);
        var row = page.QuerySelector(".cart-table tbody tr")!;
        Assert.Contains($"Sản phẩm thử", row.QuerySelector("th")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["1.250.000 ₫", "2.500.000 ₫"], row.QuerySelectorAll("td.num").Select(td => td.TextContent.Trim()));
        Assert.Equal("2", row.QuerySelector<IHtmlInputElement>("input[name=Quantity]")!.Value);
        Assert.Equal("2.500.000 ₫", page.QuerySelector(".cart-table tfoot td.num")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"a.button[href='{ShopPaths.Checkout("vi")}']"));
        Assert.Equal("2", page.QuerySelector(".cart-link .cart-count [aria-hidden]")!.TextContent);
        Assert.Equal("2", buyer.Cookie(CartCookie.CountName));
    }

    [Fact]
    public async Task Lines_are_updated_and_removed_with_plain_forms()
    {
        var vase = await site.Products.CreateAsync("bat-trang", price: 1_250_000, stock: 10);
        var scarf = await site.Products.CreateAsync("van-phuc", price: 380_000, stock: 10, ProductCategory.Silk);
        using var buyer = site.NewShopper();
        await buyer.AddOkAsync(vase.Id);
        await buyer.AddOkAsync(scarf.Id);
        await buyer.AddOkAsync(vase.Id, 2);

        using var updated = await buyer.Browser.SubmitAsync(ShopPaths.Cart("vi"), $"form.quantity-form:has(input[name=VariantId][value='{scarf.Id}'])", new() { ["Quantity"] = "4" });
        Assert.Equal("/vi/gio-hang?status=updated", updated.Headers.Location?.OriginalString);
        var page = await buyer.CartAsync();
        Assert.Equal(["3", "4"], page.QuerySelectorAll<IHtmlInputElement>("input[name=Quantity]").Select(i => i.Value));
        Assert.Equal("5.270.000 ₫", page.QuerySelector(".cart-table tfoot td.num")!.TextContent.Trim());

        using var removed = await buyer.Browser.SubmitAsync(ShopPaths.Cart("vi"), $"form:has(input[name=VariantId][value='{vase.Id}']):not(.quantity-form)", []);
        Assert.Equal("/vi/gio-hang?status=removed", removed.Headers.Location?.OriginalString);
        page = await buyer.CartAsync();
        Assert.Equal([scarf.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], page.QuerySelectorAll<IHtmlInputElement>("form.quantity-form input[name=VariantId]").Select(i => i.Value));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100")]
    [InlineData("ba")]
    public async Task A_quantity_outside_one_to_ninety_nine_is_refused_with_a_message_and_changes_nothing(string typed)
    {
        var vase = await site.Products.CreateAsync("bat-trang", price: 1_250_000, stock: 500);
        using var buyer = site.NewShopper();
        await buyer.AddOkAsync(vase.Id, 2);

        using var added = await buyer.AddAsync(vase.Id, typed);
        using var updated = await buyer.Browser.SubmitAsync(ShopPaths.Cart("vi"), "form.quantity-form", new() { ["Quantity"] = typed });

        Assert.Equal("/vi/gio-hang?status=invalid-quantity", added.Headers.Location?.OriginalString);
        Assert.Equal("/vi/gio-hang?status=invalid-quantity", updated.Headers.Location?.OriginalString);
        var page = await buyer.CartAsync("?status=invalid-quantity");
        Assert.Equal("Số lượng phải là số nguyên từ 1 đến 99.", page.QuerySelector(".shop-status")!.TextContent.Trim());
        Assert.Equal("2", page.QuerySelector<IHtmlInputElement>("input[name=Quantity]")!.Value);
    }

    [Fact]
    public async Task The_next_view_shows_a_new_price_and_a_quantity_lowered_to_the_stock_once()
    {
        var vase = await site.Products.CreateAsync("bat-trang", price: 1_250_000, stock: 10);
        using var buyer = site.NewShopper();
        await buyer.AddOkAsync(vase.Id, 5);
        await site.ChangeAsync(vase.Id, v => (v.Price, v.Available) = (1_100_000, 3));

        var page = await buyer.CartAsync();
        var again = await buyer.CartAsync();

        var notices = page.QuerySelectorAll(".cart-changes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(2, notices.Count);
        Assert.Contains("chỉ còn 3 chiếc: số lượng đã giảm từ 5 xuống 3", notices[0], StringComparison.Ordinal);
        Assert.Contains("đã đổi từ 1.250.000 ₫ thành 1.100.000 ₫", notices[1], StringComparison.Ordinal);
        Assert.Equal("3", page.QuerySelector<IHtmlInputElement>("input[name=Quantity]")!.Value);
        Assert.Equal("3.300.000 ₫", page.QuerySelector(".cart-table tfoot td.num")!.TextContent.Trim());
        Assert.Null(again.QuerySelector(".cart-changes"));
    }

    [Fact]
    public async Task A_sold_out_line_is_flagged_and_blocks_checkout_and_an_unlisted_one_is_removed()
    {
        var vase = await site.Products.CreateAsync("bat-trang", price: 1_250_000, stock: 10);
        var scarf = await site.Products.CreateAsync("van-phuc", price: 380_000, stock: 10, ProductCategory.Silk);
        using var buyer = site.NewShopper();
        await buyer.AddOkAsync(vase.Id);
        await buyer.AddOkAsync(scarf.Id);
        await site.ChangeAsync(vase.Id, v => v.Product.IsListed = false);
        await site.ChangeAsync(scarf.Id, v => v.Available = 0);

        var page = await buyer.CartAsync();

        var notices = page.QuerySelectorAll(".cart-changes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains(notices, n => n.Contains("không còn được bán nên đã được bỏ khỏi giỏ hàng", StringComparison.Ordinal));
        Assert.Contains(notices, n => n.Contains("đã hết hàng", StringComparison.Ordinal));
        Assert.Single(page.QuerySelectorAll(".cart-table tbody tr"));
        Assert.NotNull(page.QuerySelector(".is-sold-out .cart-sold-out"));
        Assert.Null(page.QuerySelector($"a[href='{ShopPaths.Checkout("vi")}']"));
        using var checkout = await buyer.Browser.GetAsync(ShopPaths.Checkout("vi"));
        Assert.Equal(HttpStatusCode.Redirect, checkout.StatusCode);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("garbage")]
    [InlineData("other-purpose")]
    public async Task A_tampered_cart_cookie_is_no_cart_never_an_error(string tampering)
    {
        var vase = await site.Products.CreateAsync("bat-trang", price: 1_250_000, stock: 10);
        using var owner = site.NewShopper();
        await owner.AddOkAsync(vase.Id, 3);
        var genuine = owner.Cookie(CartCookie.Name)!;
        var forged = tampering switch
        {
            "flip" => genuine[..^6] + (genuine[^6] == 'A' ? 'B' : 'A') + genuine[^5..],
            "garbage" => "not-a-protected-value",
            // The same browser's own antiforgery cookie: protected by the site, but for another purpose.
            _ => owner.Cookies.GetCookies(new Uri(SiteFactory.BaseUrl)).First(c => c.Name.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Value,
        };
        using var intruder = site.NewShopper();
        intruder.SetCookie(CartCookie.Name, forged);

        var page = await intruder.CartAsync();
        using var added = await intruder.AddAsync(vase.Id, "1");

        Assert.Equal("Giỏ hàng của bạn đang trống.", page.QuerySelector("main p")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
        Assert.NotEqual(forged, intruder.Cookie(CartCookie.Name));
        Assert.Equal("1", (await intruder.CartAsync()).QuerySelector<IHtmlInputElement>("input[name=Quantity]")!.Value);
        Assert.Equal("3", (await owner.CartAsync()).QuerySelector<IHtmlInputElement>("input[name=Quantity]")!.Value);
    }

    [Fact]
    public async Task Carts_and_checkouts_are_never_served_from_the_cache_to_another_visitor()
    {
        var vase = await site.Products.CreateAsync("bat-trang", price: 1_250_000, stock: 10);
        var scarf = await site.Products.CreateAsync("van-phuc", price: 380_000, stock: 10, ProductCategory.Silk);
        using var first = site.NewShopper();
        using var second = site.NewShopper();
        using var newcomer = site.NewShopper();
        await first.AddOkAsync(vase.Id);
        await second.AddOkAsync(scarf.Id);
        using (await first.SubmitDetailsAsync(new() { ["Name"] = "Người Mua Thứ Nhất" }))
        {
        }

        foreach (var path in new[] { ShopPaths.Cart("vi"), ShopPaths.Checkout("vi") })
        {
            using var once = await first.Browser.GetAsync(path);
            using var twice = await first.Browser.GetAsync(path);
            Assert.Contains("no-store", twice.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        }

        var secondCart = (await second.CartAsync()).QuerySelector("main")!.TextContent;
        var secondCheckout = (await second.Browser.GetDocumentAsync(ShopPaths.Checkout("vi"))).QuerySelector("main")!.InnerHtml;
        var newcomerCart = (await newcomer.CartAsync()).QuerySelector("main")!.TextContent;

        Assert.Contains("380.000 ₫", secondCart, StringComparison.Ordinal);
        Assert.DoesNotContain("1.250.000 ₫", secondCart, StringComparison.Ordinal);
        Assert.DoesNotContain("Người Mua Thứ Nhất", secondCheckout, StringComparison.Ordinal);
        Assert.Contains("Giỏ hàng của bạn đang trống.", newcomerCart, StringComparison.Ordinal);
    }

    private Task<Guid> CartWithAsync(int variantId) =>
        site.InDatabaseAsync(db => db.Set<ShopCart>().Where(c => c.Lines.Any(l => l.VariantId == variantId)).Select(c => c.Id).SingleAsync());
}

public sealed class SqliteCartPageTests(SqliteShopSite site) : CartPageTests(site), IClassFixture<SqliteShopSite>;

public sealed class PostgresCartPageTests(PostgresShopSite site) : CartPageTests(site), IClassFixture<PostgresShopSite>;
