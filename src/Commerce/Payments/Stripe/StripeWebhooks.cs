using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Payments.Refunds;

namespace VillageCraftPortal.Commerce.Payments.Stripe;

public enum WebhookOutcome
{
    Applied,

    /// <summary>Signature missing, wrong or too old: 400, nothing changes.</summary>
    Refused,

    /// <summary>This event id was handled before: nothing changes.</summary>
    Duplicate,

    /// <summary>A valid event that needs nothing (another type, or the order has moved on).</summary>
    Ignored,

    /// <summary>The order changed while this event was applied (e.g. by reconciliation): nothing was stored, Stripe should send it again.</summary>
    Retry,
}

/// <summary>
/// The only way a card order becomes paid. Each event is verified (signature, 300 s tolerance), then its id is
/// stored under a unique key in the same transaction as its effect, so a replayed or duplicated event does nothing
/// and events arriving out of order cannot undo a later state.
/// </summary>
public sealed class StripeWebhooks(DbContext db, OrderPayments payments, StripeRefundEvents refunds, IOptions<StripeOptions> options, TimeProvider clock)
{
    public const string Actor = "stripe";

    public async Task<WebhookOutcome> HandleAsync(string json, string? signature, CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured || string.IsNullOrEmpty(signature))
        {
            return WebhookOutcome.Refused;
        }

        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(
                json, signature, options.Value.WebhookSecret, options.Value.WebhookToleranceSeconds,
                clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException)
        {
            return WebhookOutcome.Refused;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Set<ProcessedStripeEvent>().AnyAsync(e => e.Id == stripeEvent.Id, cancellationToken))
        {
            return WebhookOutcome.Duplicate;
        }

        db.Add(new ProcessedStripeEvent { Id = stripeEvent.Id, Type = stripeEvent.Type, ReceivedAt = clock.GetUtcNow().UtcDateTime });
        var applied = await ApplyAsync(stripeEvent, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Either the same event delivered twice at once (the other delivery stored it under its unique key and
            // applied it), or the order changed meanwhile: then nothing is stored and Stripe's retry applies it.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await db.Set<ProcessedStripeEvent>().AnyAsync(e => e.Id == stripeEvent.Id, cancellationToken)
                ? WebhookOutcome.Duplicate
                : WebhookOutcome.Retry;
        }

        await transaction.CommitAsync(cancellationToken);
        return applied ? WebhookOutcome.Applied : WebhookOutcome.Ignored;
    }

    private async Task<bool> ApplyAsync(Event stripeEvent, CancellationToken cancellationToken)
    {
        switch (stripeEvent.Type)
        {
            // Completed but unpaid (a delayed method such as a bank debit) waits for async_payment_succeeded.
            case EventTypes.CheckoutSessionCompleted when stripeEvent.Data.Object is Session { PaymentStatus: "paid" } completed:
                return await PaidAsync(completed, cancellationToken);
            case EventTypes.CheckoutSessionAsyncPaymentSucceeded when stripeEvent.Data.Object is Session succeeded:
                return await PaidAsync(succeeded, cancellationToken);
            case EventTypes.CheckoutSessionAsyncPaymentFailed when stripeEvent.Data.Object is Session failed:
                return await EndAsync(failed, "payment failed", cancellationToken);
            case EventTypes.CheckoutSessionExpired when stripeEvent.Data.Object is Session expired:
                return await EndAsync(expired, "session expired", cancellationToken);
            case EventTypes.ChargeRefunded when stripeEvent.Data.Object is Charge charge:
                return await RefundedAsync(charge.PaymentIntentId, charge.AmountRefunded, cancellationToken);
            case "refund.created" or "refund.updated" or "refund.failed" when stripeEvent.Data.Object is global::Stripe.Refund refund:
                return await refunds.ApplyAsync(refund, cancellationToken);
            default:
                return false;
        }
    }

    private async Task<bool> PaidAsync(Session session, CancellationToken cancellationToken)
    {
        if (await PaymentOfAsync(session.Id, cancellationToken) is not { } payment || session.AmountTotal != payment.Amount)
        {
            return false;
        }

        payment.State = CardPaymentState.Completed;
        payment.PaymentIntentId = session.PaymentIntentId;
        return await payments.MarkPaidAsync(payment.OrderId, Actor, $"Stripe {session.Id}", cancellationToken) == PaymentOutcome.Applied;
    }

    /// <summary>An expired or failed session cancels the order only if it is the order's latest attempt.</summary>
    private async Task<bool> EndAsync(Session session, string reason, CancellationToken cancellationToken)
    {
        if (await PaymentOfAsync(session.Id, cancellationToken) is not { } payment)
        {
            return false;
        }

        if (payment.State == CardPaymentState.Open)
        {
            payment.State = CardPaymentState.Expired;
        }

        var newer = await db.Set<CardPayment>().AnyAsync(p => p.OrderId == payment.OrderId && p.Attempt > payment.Attempt, cancellationToken);
        return !newer && await payments.CancelUnpaidAsync(payment.OrderId, Actor, $"Stripe {session.Id}: {reason}", cancellationToken) == PaymentOutcome.Applied;
    }

    private async Task<bool> RefundedAsync(string? paymentIntentId, long amountRefunded, CancellationToken cancellationToken)
    {
        var payment = paymentIntentId is null ? null : await db.Set<CardPayment>().SingleOrDefaultAsync(p => p.PaymentIntentId == paymentIntentId, cancellationToken);
        if (payment is null)
        {
            return false;
        }

        var applied = await payments.RecordRefundAsync(payment.OrderId, amountRefunded, Actor, cancellationToken) == PaymentOutcome.Applied;
        return await refunds.SettleAsync(payment.OrderId, amountRefunded, cancellationToken) || applied;
    }

    private Task<CardPayment?> PaymentOfAsync(string sessionId, CancellationToken cancellationToken) =>
        db.Set<CardPayment>().SingleOrDefaultAsync(p => p.SessionId == sessionId, cancellationToken);

}
