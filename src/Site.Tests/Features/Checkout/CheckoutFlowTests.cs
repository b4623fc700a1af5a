using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Payments.VietQr;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Features.Cart;
using VillageCraftPortal.Web.Features.Checkout;
using VillageCraftPortal.Web.Features.Shop;
using ShopCart = VillageCraftPortal.Commerce.Cart.Cart;

namespace VillageCraftPortal.Site.Tests.Features.Checkout;

/// <summary>Whole checkouts through HTTP with the pages' own forms, on a site without Stripe keys.</summary>
public abstract class CheckoutFlowTests(ShopSite site)
{
    [Fact]
    public async Task Cash_on_delivery_places_a_confirmed_order_with_catalogue_prices_and_vat_and_empties_the_cart()
    {
        var (vase, scarf) = await TwoProductsAsync();
        using var buyer = site.NewShopper();
        await buyer.AddOkAsync(vase.Id, 2);
        await buyer.AddOkAsync(scarf.Id);
        using (var details = await buyer.SubmitDetailsAsync(Shopper.HanoiDetails()))
        {
            Assert.Equal(ShopPaths.CheckoutReview("vi"), details.Headers.Location?.OriginalString);
        }

        var review = await buyer.Browser.GetDocumentAsync(ShopPaths.CheckoutReview("vi"));
        Assert.Equal(["2.880.000 ₫", "35.000 ₫", "2.915.000 ₫", "265.000 ₫"], review.QuerySelectorAll(".cart-table tfoot td").Select(td => td.TextContent.Trim()));

        using var placed = await buyer.Browser.SubmitAsync(ShopPaths.CheckoutReview("vi"), "form.checkout-form", new() { ["Payment"] = "CashOnDelivery" });

        Assert.Equal(HttpStatusCode.SeeOther, placed.StatusCode);
        var order = Assert.Single(await site.OrdersWithAsync(vase.Id));
        Assert.Equal(ShopPaths.Confirmation("vi", order.Number), placed.Headers.Location?.OriginalString);
        Assert.Equal((OrderStatus.Confirmed, PaymentMethod.CashOnDelivery), (order.Status, order.PaymentMethod));
        Assert.Equal((2_880_000L, 35_000L, 2_915_000L, 265_000L), (order.Subtotal, order.ShippingPrice, order.Total, order.VatIncluded));
        Assert.Equal(("Nguyễn Thị Lan", "lan@example.vn", "0912345678"), (order.BuyerName, order.BuyerEmail, order.BuyerPhone));
        Assert.Equal(("ha-noi", "Phường Hoàn Kiếm", "1 Tràng Tiền", "hanoi-courier", "vi"), (order.ProvinceCode, order.Ward, order.AddressLine, order.DeliveryMethod, order.Culture));
        Assert.Equal([(vase.Id, 2, 1_250_000L), (scarf.Id, 1, 380_000L)], order.Lines.OrderBy(l => l.VariantId).Select(l => (l.VariantId, l.Quantity, l.UnitPrice)));
        Assert.Equal((8, 9), (await site.AvailableAsync(vase.Id), await site.AvailableAsync(scarf.Id)));

        var confirmation = await buyer.Browser.GetDocumentAsync(placed.Headers.Location!.OriginalString);
        Assert.Contains(order.Number, confirmation.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["2.880.000 ₫", "35.000 ₫", "2.915.000 ₫", "265.000 ₫"], confirmation.QuerySelectorAll(".cart-table tfoot td").Select(td => td.TextContent.Trim()));
        Assert.Contains("Bạn trả 2.915.000 ₫ bằng tiền mặt khi nhận hàng.", confirmation.QuerySelector("#payment-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Giỏ hàng của bạn đang trống.", (await buyer.CartAsync()).QuerySelector("main p")!.TextContent.Trim());
        Assert.Null(buyer.Cookie(CartCookie.CountName));
        Assert.Null(await site.InDatabaseAsync(db => db.Set<ShopCart>().Where(c => c.PlacedOrderId == order.Id).Select(c => c.CheckoutDetails).SingleAsync()));
    }

    [Fact]
    public async Task A_bank_transfer_shows_a_vietqr_code_for_the_total_with_the_order_number_as_reference()
    {
        var (vase, scarf) = await TwoProductsAsync();
        using var buyer = site.NewShopper();
        await buyer.AddOkAsync(vase.Id);
        await buyer.AddOkAsync(scarf.Id, 3);

        using var placed = await buyer.CheckOutAsync("BankTransfer");

        var order = Assert.Single(await site.OrdersWithAsync(vase.Id));
        Assert.Equal((OrderStatus.PendingPayment, PaymentMethod.BankTransfer, 2_425_000L), (order.Status, order.PaymentMethod, order.Total));
        var page = await buyer.Browser.GetDocumentAsync(placed.Headers.Location!.OriginalString);
        var figure = page.QuerySelector("figure.vietqr")!;
        var parsed = VietQrParser.Parse(figure.GetAttribute("data-payload")!);
        Assert.True(parsed.Succeeded, parsed.Status.ToString());
        Assert.Equal((ShopSite.BankBin, ShopSite.AccountNumber, (long?)order.Total, order.Number), (parsed.Data!.BankBin, parsed.Data.AccountNumber, parsed.Data.Amount, parsed.Data.Reference));
        var svg = figure.QuerySelector("svg")!;
        Assert.Equal(("img", "vietqr-caption"), (svg.GetAttribute("role"), svg.GetAttribute("aria-labelledby")));
        var drawn = VietQrImage.ToSvg(VietQrPayload.Create(new VietQrTransfer(ShopSite.BankBin, ShopSite.AccountNumber, order.Total, order.Number)).Payload!);
        Assert.Equal(Html.Parse(drawn).QuerySelector("path")!.GetAttribute("d"), svg.QuerySelector("path")!.GetAttribute("d"));
        var caption = page.GetElementById("vietqr-caption")!.TextContent;
        foreach (var part in new[] { "2.425.000 ₫", "Vietcombank", ShopSite.AccountNumber, order.Number })
        {
            Assert.Contains(part, caption, StringComparison.Ordinal);
        }

        Assert.Contains("Hàng được giữ cho bạn tới", page.QuerySelector(".transfer")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_stripe_keys_the_card_option_is_not_offered()
    {
        var (vase, _) = await TwoProductsAsync();
        using var buyer = site.NewShopper();
        await buyer.AddOkAsync(vase.Id);
        using (await buyer.SubmitDetailsAsync(Shopper.HanoiDetails()))
        {
        }

        var review = await buyer.Browser.GetDocumentAsync(ShopPaths.CheckoutReview("vi"));
        using var forced = await buyer.Browser.SubmitAsync(ShopPaths.CheckoutReview("vi"), "form.checkout-form", new() { ["Payment"] = "Card" });

        Assert.Equal(["CashOnDelivery", "BankTransfer"], review.QuerySelectorAll("input[name=Payment]").Select(i => i.GetAttribute("value")));
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Empty(await site.OrdersWithAsync(vase.Id));
    }

    [Fact]
    public async Task Only_the_browser_that_placed_an_order_sees_its_confirmation_even_after_it_was_viewed()
    {
        var (vase, _) = await TwoProductsAsync();
        using var buyer = site.NewShopper();
        using var stranger = site.NewShopper();
        await buyer.AddOkAsync(vase.Id);
        using var placed = await buyer.CheckOutAsync("CashOnDelivery");
        var path = placed.Headers.Location!.OriginalString;
        using (await buyer.Browser.GetAsync(path))
        using (var again = await buyer.Browser.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        using var refused = await stranger.Browser.GetAsync(path);
        stranger.SetCookie(OrderReceipts.Name, "CfDJ8-forged-receipt");
        using var forged = await stranger.Browser.GetAsync(path);

        foreach (var response in new[] { refused, forged })
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("Không tìm thấy trang", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Nguyễn Thị Lan", body, StringComparison.Ordinal);
            Assert.DoesNotContain("1.250.000", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Submitting_the_place_order_form_twice_makes_one_order_one_after_the_other_or_at_once()
    {
        var (vase, scarf) = await TwoProductsAsync();
        using var slow = site.NewShopper();
        using var quick = site.NewShopper();
        await slow.AddOkAsync(vase.Id);
        await quick.AddOkAsync(scarf.Id);
        var forms = new List<LoadedForm>();
        foreach (var buyer in new[] { slow, quick })
        {
            using (await buyer.SubmitDetailsAsync(Shopper.HanoiDetails()))
            {
            }

            forms.Add(await buyer.Browser.ReadFormAsync(ShopPaths.CheckoutReview("vi"), "form.checkout-form"));
        }

        var fields = forms.Select(f => f.With(new() { ["Payment"] = "CashOnDelivery" })).ToList();
        using var first = await slow.Browser.PostAsync(forms[0].Action, fields[0]);
        using var second = await slow.Browser.PostAsync(forms[0].Action, fields[0]);
        var together = await Task.WhenAll(quick.Browser.PostAsync(forms[1].Action, fields[1]), quick.Browser.PostAsync(forms[1].Action, fields[1]));

        var slowOrder = Assert.Single(await site.OrdersWithAsync(vase.Id));
        var quickOrder = Assert.Single(await site.OrdersWithAsync(scarf.Id));
        Assert.All(new[] { first, second }, r => Assert.Equal(ShopPaths.Confirmation("vi", slowOrder.Number), r.Headers.Location?.OriginalString));
        Assert.All(together, r => Assert.Equal(ShopPaths.Confirmation("vi", quickOrder.Number), r.Headers.Location?.OriginalString));
        Assert.Equal(9, await site.AvailableAsync(scarf.Id));
        foreach (var response in together)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_product_that_sells_out_while_ordering_sends_the_buyer_back_to_the_cart_with_nothing_lost()
    {
        var (vase, scarf) = await TwoProductsAsync();
        using var buyer = site.NewShopper();
        await buyer.AddOkAsync(vase.Id, 2);
        await buyer.AddOkAsync(scarf.Id);
        using (await buyer.SubmitDetailsAsync(Shopper.HanoiDetails()))
        {
        }

        var form = await buyer.Browser.ReadFormAsync(ShopPaths.CheckoutReview("vi"), "form.checkout-form");
        await site.ChangeAsync(vase.Id, v => v.Available = 0);

        using var refused = await buyer.Browser.PostAsync(form.Action, form.With(new() { ["Payment"] = "CashOnDelivery" }));

        Assert.Equal($"{ShopPaths.Cart("vi")}?status=checkout-sold-out", refused.Headers.Location?.OriginalString);
        Assert.Empty(await site.OrdersWithAsync(scarf.Id));
        var cart = await buyer.CartAsync("?status=checkout-sold-out");
        Assert.Contains("vừa hết hàng khi bạn đang đặt", cart.QuerySelector(".shop-status")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(cart.QuerySelector(".is-sold-out"));
        using (await buyer.Browser.SubmitAsync(ShopPaths.Cart("vi"), $"form:has(input[name=VariantId][value='{vase.Id}'])", []))
        {
        }

        var details = await buyer.Browser.GetDocumentAsync(ShopPaths.Checkout("vi"));
        Assert.Equal(("Nguyễn Thị Lan", "0912 345 678"), (StaffClient.FieldValue(details, "Name"), StaffClient.FieldValue(details, "Phone")));
        Assert.Equal(10, await site.AvailableAsync(scarf.Id));
    }

    [Fact]
    public async Task A_price_changed_while_ordering_is_shown_and_the_order_waits_for_a_second_confirmation()
    {
        var (vase, _) = await TwoProductsAsync();
        using var buyer = site.NewShopper();
        await buyer.AddOkAsync(vase.Id);
        using (await buyer.SubmitDetailsAsync(Shopper.HanoiDetails()))
        {
        }

        var form = await buyer.Browser.ReadFormAsync(ShopPaths.CheckoutReview("vi"), "form.checkout-form");
        await site.ChangeAsync(vase.Id, v => v.Price = 1_400_000);

        using var held = await buyer.Browser.PostAsync(form.Action, form.With(new() { ["Payment"] = "CashOnDelivery" }));
        var page = Html.Parse(await held.Content.ReadAsStringAsync());
        using var confirmed = await buyer.Browser.PostAsync(form.Action, StaffClient.FieldsOf(Shopper.Form(page, "form.checkout-form")));

        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Contains("đã đổi từ 1.250.000 ₫ thành 1.400.000 ₫", page.QuerySelector(".cart-changes")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1.435.000 ₫", page.QuerySelector(".cart-table tfoot tr.total td")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        Assert.Equal(1_400_000, Assert.Single(Assert.Single(await site.OrdersWithAsync(vase.Id)).Lines).UnitPrice);
    }

    private async Task<(ProductVariant Vase, ProductVariant Scarf)> TwoProductsAsync() =>
        (await site.Products.CreateAsync("bat-trang", price: 1_250_000, stock: 10),
         await site.Products.CreateAsync("van-phuc", price: 380_000, stock: 10, ProductCategory.Silk));
}

public sealed class SqliteCheckoutFlowTests(SqliteShopSite site) : CheckoutFlowTests(site), IClassFixture<SqliteShopSite>;

public sealed class PostgresCheckoutFlowTests(PostgresShopSite site) : CheckoutFlowTests(site), IClassFixture<PostgresShopSite>;
