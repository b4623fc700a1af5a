using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Payments;
using VillageCraftPortal.Commerce.Payments.Stripe;
using VillageCraftPortal.Commerce.Stock;
using VillageCraftPortal.Site.Tests.Builders;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Features.Checkout;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Site.Tests.Commerce;

/// <summary>
/// Card payments end to end with the real Stripe.net client against a Stripe-compatible server on 127.0.0.1:
/// itemised sessions in whole đồng, and orders finalised only by signed webhooks, on each database.
/// </summary>
public abstract partial class StripePaymentTests(DatabaseKind kind) : IAsyncLifetime
{
    private static readonly Uri Success = new("https://vcp.test/vi/don-hang/cam-on");
    private static readonly Uri Cancel = new("https://vcp.test/vi/thanh-toan");

    private readonly FakeTimeProvider _clock = new(SeededSite.FixedNow);
    private FakeStripe _stripe = null!;
    private TestDatabase _database = null!;
    private SiteFactory _site = null!;
    private HttpClient _client = null!;
    private ProductBuilder _products = null!;

    public async Task InitializeAsync()
    {
        _stripe = await FakeStripe.StartAsync();
        _database = await TestDatabase.CreateAsync(kind);
        var settings = new Dictionary<string, string?>(_stripe.Settings) { ["Database:ImportContentOnStartup"] = "false" };
        _site = new SiteFactory(_database, settings, _clock);
        _client = await _site.CreateReadyClientAsync();
        _products = new ProductBuilder(_site.Services);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _site.DisposeAsync();
        await _database.DisposeAsync();
        await _stripe.DisposeAsync();
    }

    [Fact]
    public async Task The_session_is_itemised_in_whole_dong_in_the_buyers_language_with_a_deterministic_key()
    {
        var (order, vase, _) = await PlaceCardOrderAsync(culture: "en");

        var started = await StartAsync(order.Id);

        Assert.Equal(CardCheckoutStatus.Started, started.Status);
        var request = Assert.Single(_stripe.Requests, r => r.Path == "/v1/checkout/sessions");
        Assert.Equal($"checkout:{order.Number}:1", request.IdempotencyKey);
        Assert.Equal(("vnd", "1250000", "2"), (request.Form["line_items[0][price_data][currency]"], request.Form["line_items[0][price_data][unit_amount]"], request.Form["line_items[0][quantity]"]));
        Assert.Equal("380000", request.Form["line_items[1][price_data][unit_amount]"]);
        Assert.Equal("45000", request.Form["line_items[2][price_data][unit_amount]"]);
        Assert.Equal(("en", order.Number), (request.Form["locale"], request.Form["client_reference_id"]));
        Assert.Contains(vase.Sku, request.Form["line_items[0][price_data][product_data][description]"], StringComparison.Ordinal);
        var session = _stripe.Session(SessionIdOf(started));
        Assert.Equal(2_925_000, session["amount_total"]!.GetValue<long>());
    }

    [Fact]
    public async Task Only_a_signed_paid_event_finalises_the_order_and_a_replay_or_forgery_changes_nothing()
    {
        var (order, _, _) = await PlaceCardOrderAsync();
        var sessionId = SessionIdOf(await StartAsync(order.Id));
        var paid = FakeStripe.Event("checkout.session.completed", _stripe.Pay(sessionId), _clock.GetUtcNow());
        var forged = FakeStripe.Event("checkout.session.completed", _stripe.Session(sessionId), _clock.GetUtcNow(), secret: "whsec_someone_else");
        var stale = FakeStripe.Event("checkout.session.completed", _stripe.Session(sessionId), _clock.GetUtcNow().AddMinutes(-6));

        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(forged));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(stale));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync((paid.Json, null)));
        Assert.Equal(OrderStatus.PendingPayment, (await OrderAsync(order.Id)).Status);

        Assert.Equal((HttpStatusCode.OK, "Applied"), await PostForOutcomeAsync(paid));
        Assert.Equal((HttpStatusCode.OK, "Duplicate"), await PostForOutcomeAsync(paid));

        var after = await OrderAsync(order.Id);
        Assert.Equal(OrderStatus.Paid, after.Status);
        Assert.Single(after.Transitions, t => t.To == OrderStatus.Paid);
        Assert.Equal(0, await CountAsync<StockReservation>(r => r.OrderId == order.Id && r.State == ReservationState.Held));
    }

    [Fact]
    public async Task An_expired_session_cancels_the_order_and_returns_the_stock_and_a_late_expiry_cannot_undo_a_payment()
    {
        var vase = await _products.CreateAsync("bat-trang", price: 1_250_000, stock: 10);
        var unpaid = await PlaceAsync(PaymentMethod.Card, "vi", 0, (vase.Id, 2));
        var paidOrder = await PlaceAsync(PaymentMethod.Card, "vi", 0, (vase.Id, 2));
        var unpaidSession = SessionIdOf(await StartAsync(unpaid.Id));
        var paidSession = SessionIdOf(await StartAsync(paidOrder.Id));
        Assert.Equal(6, await AvailableAsync(vase.Id));

        Assert.Equal(HttpStatusCode.OK, await PostAsync(FakeStripe.Event("checkout.session.expired", Expired(unpaidSession), _clock.GetUtcNow())));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(FakeStripe.Event("checkout.session.completed", _stripe.Pay(paidSession), _clock.GetUtcNow())));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(FakeStripe.Event("checkout.session.expired", Expired(paidSession), _clock.GetUtcNow())));

        Assert.Equal(OrderStatus.Cancelled, (await OrderAsync(unpaid.Id)).Status);
        Assert.Equal(OrderStatus.Paid, (await OrderAsync(paidOrder.Id)).Status);
        Assert.Equal(8, await AvailableAsync(vase.Id));
        var ledger = await _site.Services.CreateScope().ServiceProvider.GetRequiredService<AppDbContext>()
            .Set<StockLedgerEntry>().Where(e => e.VariantId == vase.Id).SumAsync(e => e.Delta);
        Assert.Equal(8, ledger);
    }

    [Fact]
    public async Task A_new_attempt_expires_the_previous_session_whose_late_expiry_event_leaves_the_order_open()
    {
        var (order, _, _) = await PlaceCardOrderAsync();
        var first = SessionIdOf(await StartAsync(order.Id));

        var second = SessionIdOf(await StartAsync(order.Id));

        Assert.NotEqual(first, second);
        Assert.Equal("expired", _stripe.Session(first)["status"]!.GetValue<string>());
        Assert.Contains(_stripe.Requests, r => r.IdempotencyKey == $"checkout:{order.Number}:2");
        Assert.Equal(HttpStatusCode.OK, await PostAsync(FakeStripe.Event("checkout.session.expired", _stripe.Session(first), _clock.GetUtcNow())));
        Assert.Equal(OrderStatus.PendingPayment, (await OrderAsync(order.Id)).Status);
    }

    [Fact]
    public async Task Refunds_reported_by_stripe_mark_the_order_partly_then_fully_refunded_and_an_older_figure_changes_nothing()
    {
        var (order, _, _) = await PlaceCardOrderAsync();
        var session = _stripe.Pay(SessionIdOf(await StartAsync(order.Id)));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(FakeStripe.Event("checkout.session.completed", session, _clock.GetUtcNow())));
        JsonObject Charge(long refunded) => new()
        {
            ["id"] = "ch_test_refunds",
            ["object"] = "charge",
            ["amount"] = order.Total,
            ["amount_refunded"] = refunded,
            ["currency"] = "vnd",
            ["payment_intent"] = session["payment_intent"]!.GetValue<string>(),
        };

        Assert.Equal((HttpStatusCode.OK, "Applied"), await PostForOutcomeAsync(FakeStripe.Event("charge.refunded", Charge(380_000), _clock.GetUtcNow())));
        Assert.Equal((OrderStatus.PartiallyRefunded, 380_000L), await RefundStateAsync(order.Id));
        Assert.Equal((HttpStatusCode.OK, "Applied"), await PostForOutcomeAsync(FakeStripe.Event("charge.refunded", Charge(order.Total), _clock.GetUtcNow())));
        Assert.Equal((HttpStatusCode.OK, "Ignored"), await PostForOutcomeAsync(FakeStripe.Event("charge.refunded", Charge(380_000), _clock.GetUtcNow())));

        Assert.Equal((OrderStatus.Refunded, order.Total), await RefundStateAsync(order.Id));
        using var scope = _site.Services.CreateScope();
        var notices = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OrderNotice>()
            .Where(n => n.OrderId == order.Id).OrderBy(n => n.Id).Select(n => new { n.Kind, n.Amount }).ToListAsync();
        Assert.Equal(
            [new { Kind = NoticeKind.Received, Amount = (long?)null }, new { Kind = NoticeKind.PaymentConfirmed, Amount = (long?)null },
             new { Kind = NoticeKind.Refunded, Amount = (long?)380_000 }, new { Kind = NoticeKind.Refunded, Amount = (long?)(order.Total - 380_000) }],
            notices);
    }

    [Fact]
    public async Task Amounts_below_stripes_minimum_are_refused_before_any_redirect()
    {
        var cheap = await _products.CreateAsync("bat-trang", price: 5_000, stock: 5);
        var placed = await PlaceAsync(PaymentMethod.Card, "vi", 0, (cheap.Id, 1));

        var started = await StartAsync(placed.Id);

        Assert.Equal(CardCheckoutStatus.BelowMinimum, started.Status);
        Assert.DoesNotContain(_stripe.Requests, r => r.Path == "/v1/checkout/sessions");
    }

    [Fact]
    public async Task After_the_hold_reconciliation_pays_a_lost_webhook_expires_an_abandoned_session_and_cancels_an_unconfirmed_transfer()
    {
        var vase = await _products.CreateAsync("bat-trang", price: 1_250_000, stock: 10);
        var lostWebhook = await PlaceAsync(PaymentMethod.Card, "vi", 0, (vase.Id, 1));
        var abandoned = await PlaceAsync(PaymentMethod.Card, "vi", 0, (vase.Id, 2));
        var transfer = await PlaceAsync(PaymentMethod.BankTransfer, "vi", 0, (vase.Id, 3));
        _stripe.Pay(SessionIdOf(await StartAsync(lostWebhook.Id)));
        var abandonedSession = SessionIdOf(await StartAsync(abandoned.Id));

        _clock.Advance(TimeSpan.FromHours(25));
        using (var scope = _site.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PaymentReconciliation>().RunOnceAsync(CancellationToken.None);
        }

        Assert.Equal(OrderStatus.Paid, (await OrderAsync(lostWebhook.Id)).Status);
        Assert.Equal(OrderStatus.Cancelled, (await OrderAsync(abandoned.Id)).Status);
        Assert.Equal(OrderStatus.Cancelled, (await OrderAsync(transfer.Id)).Status);
        Assert.Equal("expired", _stripe.Session(abandonedSession)["status"]!.GetValue<string>());
        Assert.Equal(9, await AvailableAsync(vase.Id));
    }

    private async Task<(Order Order, ProductVariant Vase, ProductVariant Scarf)> PlaceCardOrderAsync(string culture = "vi")
    {
        var vase = await _products.CreateAsync("bat-trang", price: 1_250_000, stock: 10);
        var scarf = await _products.CreateAsync("van-phuc", price: 380_000, stock: 10, ProductCategory.Silk);
        return (await PlaceAsync(PaymentMethod.Card, culture, 45_000, (vase.Id, 2), (scarf.Id, 1)), vase, scarf);
    }

    private async Task<Order> PlaceAsync(PaymentMethod payment, string culture, long shipping, params (int Variant, int Quantity)[] lines)
    {
        using var scope = _site.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<OrderPlacement>().PlaceAsync(new OrderRequest(
            [.. lines.Select(l => new OrderRequestLine(l.Variant, l.Quantity))], payment,
            new Buyer("Nguyễn Thị Lan", "lan@test.local", "0912345678"),
            new Delivery("nationwide", shipping, "ha-noi", "Phường Hoàn Kiếm", "1 Tràng Tiền", null), culture));
        Assert.True(result.Succeeded, result.Status.ToString());
        return result.Order!;
    }

    private async Task<CardCheckoutResult> StartAsync(int orderId)
    {
        using var scope = _site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<StripeCheckout>().StartAsync(orderId, Success, Cancel, CancellationToken.None);
    }

    private static string SessionIdOf(CardCheckoutResult started) => started.RedirectUrl!.Split('/')[^1];

    private JsonObject Expired(string sessionId)
    {
        var session = (JsonObject)_stripe.Session(sessionId).DeepClone();
        session["status"] = "expired";
        return session;
    }

    private async Task<HttpStatusCode> PostAsync((string Json, string? Signature) stripeEvent) => (await PostForOutcomeAsync(stripeEvent)).Status;

    private async Task<(HttpStatusCode Status, string? Outcome)> PostForOutcomeAsync((string Json, string? Signature) stripeEvent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(StripeWebhookEndpoint.Path, UriKind.Relative))
        {
            Content = new StringContent(stripeEvent.Json, Encoding.UTF8, "application/json"),
        };
        if (stripeEvent.Signature is not null)
        {
            request.Headers.Add("Stripe-Signature", stripeEvent.Signature);
        }

        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.IsSuccessStatusCode ? JsonNode.Parse(body)?["outcome"]?.GetValue<string>() : null);
    }

    private async Task<Order> OrderAsync(int id)
    {
        using var scope = _site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Order>().AsNoTracking()
            .Include(o => o.Transitions).SingleAsync(o => o.Id == id);
    }

    private async Task<(OrderStatus Status, long Refunded)> RefundStateAsync(int id)
    {
        var order = await OrderAsync(id);
        return (order.Status, order.RefundedAmount);
    }

    private async Task<int> AvailableAsync(int variantId)
    {
        using var scope = _site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ProductVariant>().Where(v => v.Id == variantId).Select(v => v.Available).SingleAsync();
    }

    private async Task<int> CountAsync<T>(System.Linq.Expressions.Expression<Func<T, bool>> where)
        where T : class
    {
        using var scope = _site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<T>().CountAsync(where);
    }
}

public sealed class SqliteStripePaymentTests() : StripePaymentTests(DatabaseKind.Sqlite);

public sealed class PostgresStripePaymentTests() : StripePaymentTests(DatabaseKind.Postgres);
