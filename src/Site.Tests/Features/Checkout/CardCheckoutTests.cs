using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Payments.Stripe;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Features.Checkout;
using VillageCraftPortal.Web.Features.Shop;

namespace VillageCraftPortal.Site.Tests.Features.Checkout;

/// <summary>
/// Card checkouts against the Stripe-compatible fake: the buyer is sent to the session's page, amounts are whole
/// đồng, the confirmation says "being confirmed" until the webhook, and a buyer who comes back without paying can
/// pay again or give the order up.
/// </summary>
public abstract class CardCheckoutTests(ShopSite site)
{
    private FakeStripe Stripe => site.Stripe!;

    [Fact]
    public async Task A_card_order_goes_to_the_stripe_session_in_whole_dong_and_is_paid_only_by_the_webhook()
    {
        var vase = await site.Products.CreateAsync("bat-trang", price: 1_250_000, stock: 10);
        var scarf = await site.Products.CreateAsync("van-phuc", price: 380_000, stock: 10, ProductCategory.Silk);
        using var buyer = site.NewShopper();
        await buyer.AddOkAsync(vase.Id, 2);
        await buyer.AddOkAsync(scarf.Id);

        using var placed = await buyer.CheckOutAsync("Card");

        var order = Assert.Single(await site.OrdersWithAsync(vase.Id));
        Assert.Equal(HttpStatusCode.SeeOther, placed.StatusCode);
        var location = placed.Headers.Location!.OriginalString;
        Assert.StartsWith("https://checkout.stripe.test/c/pay/cs_test_", location, StringComparison.Ordinal);
        var sessionId = location.Split('/')[^1];
        var request = Assert.Single(Stripe.Requests, r => r.Path == "/v1/checkout/sessions" && r.Form["client_reference_id"] == order.Number);
        Assert.Equal(
            [("1250000", "2"), ("380000", "1"), ("35000", "1")],
            Enumerable.Range(0, 3).Select(i => (request.Form[$"line_items[{i}][price_data][unit_amount]"], request.Form[$"line_items[{i}][quantity]"])));
        Assert.Equal(("vnd", "vi"), (request.Form["line_items[0][price_data][currency]"], request.Form["locale"]));
        Assert.Equal($"{SiteFactory.BaseUrl}{ShopPaths.Confirmation("vi", order.Number)}", request.Form["success_url"]);
        Assert.Equal($"{SiteFactory.BaseUrl}{ShopPaths.Checkout("vi")}?payment=cancelled", request.Form["cancel_url"]);
        Assert.Equal(2_915_000, Stripe.Session(sessionId)["amount_total"]!.GetValue<long>());
        Assert.Equal("Giỏ hàng của bạn đang trống.", (await buyer.CartAsync()).QuerySelector("main p")!.TextContent.Trim());

        var beforeWebhook = await buyer.Browser.GetDocumentAsync(ShopPaths.Confirmation("vi", order.Number));
        Assert.Contains("Chúng tôi đang xác nhận khoản thanh toán 2.915.000 ₫", beforeWebhook.QuerySelector("#payment-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.PendingPayment, (await site.OrdersWithAsync(vase.Id))[0].Status);

        await PostWebhookAsync(FakeStripe.Event("checkout.session.completed", Stripe.Pay(sessionId), DateTimeOffset.UtcNow));

        var afterWebhook = await buyer.Browser.GetDocumentAsync(ShopPaths.Confirmation("vi", order.Number));
        Assert.Contains("Đã nhận thanh toán 2.915.000 ₫", afterWebhook.QuerySelector("#payment-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coming_back_without_paying_offers_to_pay_again_or_to_cancel_and_refill_the_cart()
    {
        var vase = await site.Products.CreateAsync("bat-trang", price: 1_250_000, stock: 10);
        using var english = new Shopper(site.Factory) { Culture = "en" };
        {
            await english.AddOkAsync(vase.Id, 3);
            using var placed = await english.CheckOutAsync("Card");
            var firstSession = placed.Headers.Location!.OriginalString.Split('/')[^1];
            Assert.Equal("en", Stripe.Session(firstSession)["locale"]!.GetValue<string>());
            Assert.Equal(7, await site.AvailableAsync(vase.Id));

            var back = await english.Browser.GetDocumentAsync(ShopPaths.Checkout("en") + "?payment=cancelled");
            Assert.Contains("You left the card payment page; nothing was charged.", back.QuerySelector(".shop-status")!.TextContent, StringComparison.Ordinal);
            using var again = await english.Browser.SubmitAsync(ShopPaths.Checkout("en") + "?payment=cancelled", "form", [], handler: "retry");
            var secondSession = again.Headers.Location!.OriginalString.Split('/')[^1];
            Assert.NotEqual(firstSession, secondSession);
            Assert.Equal("expired", Stripe.Session(firstSession)["status"]!.GetValue<string>());

            using var cancelled = await english.Browser.SubmitAsync(ShopPaths.Checkout("en") + "?payment=cancelled", "form", [], handler: "abandon");

            Assert.Equal($"{ShopPaths.Cart("en")}?status=restored", cancelled.Headers.Location?.OriginalString);
            Assert.Equal("expired", Stripe.Session(secondSession)["status"]!.GetValue<string>());
            Assert.Equal(OrderStatus.Cancelled, Assert.Single(await site.OrdersWithAsync(vase.Id)).Status);
            Assert.Equal(10, await site.AvailableAsync(vase.Id));
            var cart = await english.CartAsync("?status=restored");
            Assert.Equal("3", StaffClient.FieldValue(cart, "Quantity"));
            var details = await english.Browser.GetDocumentAsync(ShopPaths.Checkout("en"));
            Assert.Equal("Nguyễn Thị Lan", StaffClient.FieldValue(details, "Name"));
        }
    }

    [Fact]
    public async Task An_amount_below_stripes_minimum_is_explained_and_nothing_is_placed_or_sent_to_stripe()
    {
        var cup = await site.Products.CreateAsync("kim-lan", price: 9_000, stock: 10);
        using var buyer = site.NewShopper();
        await buyer.AddOkAsync(cup.Id);
        var details = Shopper.HanoiDetails();
        details["Delivery"] = "pickup";

        using var refused = await buyer.CheckOutAsync("Card", details);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Thanh toán thẻ cần đơn từ 13.000 ₫ trở lên.", Html.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#Payment-error")!.TextContent.Replace("Lỗi:", "", StringComparison.Ordinal).Trim());
        Assert.Empty(await site.OrdersWithAsync(cup.Id));
        Assert.DoesNotContain(Stripe.Requests, r => r.Form.GetValueOrDefault("line_items[0][price_data][unit_amount]") == "9000");
        var review = await buyer.Browser.GetDocumentAsync(ShopPaths.CheckoutReview("vi"));
        Assert.Equal(["CashOnDelivery", "BankTransfer"], review.QuerySelectorAll("input[name=Payment]").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public async Task The_content_security_policy_lets_the_place_order_form_redirect_to_stripe_only()
    {
        using var buyer = site.NewShopper();
        using var response = await buyer.Browser.GetAsync(ShopPaths.Cart("vi"));

        var formAction = string.Join(' ', response.Headers.GetValues("Content-Security-Policy")).Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("form-action", StringComparison.Ordinal));
        Assert.Equal("form-action 'self' https://checkout.stripe.com", formAction);
    }

    private async Task PostWebhookAsync((string Json, string Signature) stripeEvent)
    {
        using var http = site.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(StripeWebhookEndpoint.Path, UriKind.Relative))
        {
            Content = new StringContent(stripeEvent.Json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Stripe-Signature", stripeEvent.Signature);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class SqliteCardCheckoutTests(SqliteCardShopSite site) : CardCheckoutTests(site), IClassFixture<SqliteCardShopSite>;

public sealed class PostgresCardCheckoutTests(PostgresCardShopSite site) : CardCheckoutTests(site), IClassFixture<PostgresCardShopSite>;
