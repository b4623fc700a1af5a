using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Payments.Refunds;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Site.Tests.Commerce;

/// <summary>Card refunds: through Stripe in whole đồng with an idempotency key, counted once whatever Stripe repeats.</summary>
public abstract partial class StripePaymentTests
{
    [Fact]
    public async Task A_partial_card_refund_goes_to_stripe_in_whole_dong_and_counts_once()
    {
        var order = await PaidCardOrderAsync();

        var result = await RefundAsync(order.Id, 380_000);

        Assert.Equal(RefundStatus.Done, result.Status);
        var request = Assert.Single(_stripe.Requests, r => r.Path == "/v1/refunds");
        Assert.Equal("380000", request.Form["amount"]);
        var refund = Assert.Single(await RefundsAsync(order.Id));
        Assert.Equal($"refund:{order.Number}:{refund.Id}", request.IdempotencyKey);
        Assert.Equal((RefundState.Succeeded, RefundChannel.Stripe), (refund.State, refund.Channel));
        Assert.Equal((OrderStatus.PartiallyRefunded, 380_000L), await RefundStateAsync(order.Id));

        // Stripe then tells us about the same refund twice more: nothing is counted again.
        var stripeRefund = (JsonObject)_stripe.Refunds.Single().DeepClone();
        Assert.Equal((HttpStatusCode.OK, "Ignored"), await PostForOutcomeAsync(FakeStripe.Event("refund.updated", stripeRefund, _clock.GetUtcNow())));
        Assert.Equal((HttpStatusCode.OK, "Ignored"), await PostForOutcomeAsync(FakeStripe.Event("charge.refunded", await ChargeAsync(order, 380_000), _clock.GetUtcNow())));
        Assert.Equal((OrderStatus.PartiallyRefunded, 380_000L), await RefundStateAsync(order.Id));
    }

    [Fact]
    public async Task A_pending_card_refund_counts_when_stripe_confirms_and_a_failed_one_never_does()
    {
        var order = await PaidCardOrderAsync();
        _stripe.RefundStatus = "pending";

        Assert.Equal(RefundStatus.Done, (await RefundAsync(order.Id, 500_000)).Status);
        Assert.Equal(RefundStatus.Done, (await RefundAsync(order.Id, 100_000)).Status);
        Assert.Equal((OrderStatus.Paid, 0L), await RefundStateAsync(order.Id));
        Assert.Equal(RefundStatus.InvalidAmount, (await RefundAsync(order.Id, order.Total - 599_999)).Status);

        var refunds = _stripe.Refunds.OrderBy(r => r["amount"]!.GetValue<long>()).Select(r => (JsonObject)r.DeepClone()).ToList();
        refunds[0]["status"] = "failed";
        refunds[1]["status"] = "succeeded";
        Assert.Equal((HttpStatusCode.OK, "Applied"), await PostForOutcomeAsync(FakeStripe.Event("refund.failed", refunds[0], _clock.GetUtcNow())));
        Assert.Equal((HttpStatusCode.OK, "Applied"), await PostForOutcomeAsync(FakeStripe.Event("refund.updated", refunds[1], _clock.GetUtcNow())));

        Assert.Equal((OrderStatus.PartiallyRefunded, 500_000L), await RefundStateAsync(order.Id));
        Assert.Equal([(100_000L, RefundState.Failed), (500_000L, RefundState.Succeeded)], (await RefundsAsync(order.Id)).Select(r => (r.Amount, r.State)).Order());
    }

    [Fact]
    public async Task A_pending_refund_confirmed_only_by_charge_refunded_stops_counting_as_waiting()
    {
        var order = await PaidCardOrderAsync();
        _stripe.RefundStatus = "pending";
        Assert.Equal(RefundStatus.Done, (await RefundAsync(order.Id, 300_000)).Status);

        Assert.Equal((HttpStatusCode.OK, "Applied"), await PostForOutcomeAsync(FakeStripe.Event("charge.refunded", await ChargeAsync(order, 300_000), _clock.GetUtcNow())));

        Assert.Equal((OrderStatus.PartiallyRefunded, 300_000L), await RefundStateAsync(order.Id));
        Assert.Equal(RefundState.Succeeded, Assert.Single(await RefundsAsync(order.Id)).State);
        // What is left to refund is the rest of the total, not the rest less the same refund a second time.
        Assert.Equal(RefundStatus.Done, (await RefundAsync(order.Id, order.Total - 300_000)).Status);
    }

    [Fact]
    public async Task A_refund_made_in_stripes_dashboard_is_recorded_and_one_stripe_refuses_changes_nothing()
    {
        var order = await PaidCardOrderAsync();
        _stripe.RefundStatus = "error";

        var refused = await RefundAsync(order.Id, 100_000);
        var dashboard = new JsonObject
        {
            ["id"] = "re_dashboard_1",
            ["object"] = "refund",
            ["amount"] = order.Total,
            ["currency"] = "vnd",
            ["payment_intent"] = (await PaymentIntentAsync(order.Id)),
            ["status"] = "succeeded",
        };
        Assert.Equal((HttpStatusCode.OK, "Applied"), await PostForOutcomeAsync(FakeStripe.Event("refund.created", dashboard, _clock.GetUtcNow())));

        Assert.Equal(RefundStatus.StripeFailed, refused.Status);
        Assert.Equal((OrderStatus.Refunded, order.Total), await RefundStateAsync(order.Id));
        Assert.Equal([(100_000L, RefundState.Failed, "test"), (order.Total, RefundState.Succeeded, "stripe")], (await RefundsAsync(order.Id)).Select(r => (r.Amount, r.State, r.Actor)));
    }

    private async Task<Order> PaidCardOrderAsync()
    {
        var (order, _, _) = await PlaceCardOrderAsync();
        var session = _stripe.Pay(SessionIdOf(await StartAsync(order.Id)));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(FakeStripe.Event("checkout.session.completed", session, _clock.GetUtcNow())));
        return await OrderAsync(order.Id);
    }

    private async Task<RefundResult> RefundAsync(int orderId, long amount)
    {
        using var scope = _site.Services.CreateScope();
        var revision = (await OrderAsync(orderId)).Revision;
        return await scope.ServiceProvider.GetRequiredService<OrderRefunds>().RefundAsync(orderId, amount, "Khách trả lại hàng", "test", revision, CancellationToken.None);
    }

    private async Task<List<Refund>> RefundsAsync(int orderId)
    {
        using var scope = _site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Refund>().Where(r => r.OrderId == orderId).OrderBy(r => r.Id).ToListAsync();
    }

    private async Task<string> PaymentIntentAsync(int orderId)
    {
        using var scope = _site.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<VillageCraftPortal.Commerce.Payments.Stripe.CardPayment>()
            .SingleAsync(p => p.OrderId == orderId && p.PaymentIntentId != null)).PaymentIntentId!;
    }

    private async Task<JsonObject> ChargeAsync(Order order, long refunded) => new()
    {
        ["id"] = "ch_test_" + order.Number,
        ["object"] = "charge",
        ["amount"] = order.Total,
        ["amount_refunded"] = refunded,
        ["currency"] = "vnd",
        ["payment_intent"] = await PaymentIntentAsync(order.Id),
    };
}
