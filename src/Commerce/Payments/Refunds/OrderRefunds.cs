using Microsoft.EntityFrameworkCore;
using Stripe;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Payments.Stripe;

namespace VillageCraftPortal.Commerce.Payments.Refunds;

public enum RefundStatus
{
    /// <summary>Recorded, or sent to Stripe and waiting for its confirmation.</summary>
    Done,
    NotFound,

    /// <summary>No money has been taken on this order (unpaid, or cash not yet collected), or it is fully refunded.</summary>
    NothingToRefund,

    /// <summary>Zero, negative, or more than what is left to refund.</summary>
    InvalidAmount,
    ReasonRequired,
    Conflict,

    /// <summary>Stripe refused or could not be reached; nothing was refunded.</summary>
    StripeFailed,
}

public sealed record RefundResult(RefundStatus Status, string? Message = null);

/// <summary>
/// Full or partial refunds. Card orders are refunded through Stripe and count once Stripe confirms (by its answer or a
/// webhook); cash and transfer refunds are paid back by staff and recorded here at once.
/// </summary>
public sealed class OrderRefunds(DbContext db, OrderPayments payments, StripeConnection stripe, TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    /// <summary>What can still be refunded: the total, less what was refunded and what is waiting on Stripe.</summary>
    public async Task<long> RefundableAsync(Order order, CancellationToken cancellationToken)
    {
        if (!MoneyTaken(order))
        {
            return 0;
        }

        var pending = await db.Set<Refund>().Where(r => r.OrderId == order.Id && r.State == RefundState.Pending).SumAsync(r => r.Amount, cancellationToken);
        return Math.Max(0, order.Total - order.RefundedAmount - pending);
    }

    public async Task<RefundResult> RefundAsync(int orderId, long amount, string reason, string actor, int expectedRevision, CancellationToken cancellationToken)
    {
        var order = await db.Set<Order>().Include(o => o.Fulfilments).SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return new RefundResult(RefundStatus.NotFound);
        }

        if (order.Revision != expectedRevision)
        {
            return new RefundResult(RefundStatus.Conflict);
        }

        reason = reason.Trim();
        if (reason.Length == 0 || reason.Length > MaxReasonLength)
        {
            return new RefundResult(RefundStatus.ReasonRequired);
        }

        var refundable = await RefundableAsync(order, cancellationToken);
        if (refundable == 0)
        {
            return new RefundResult(RefundStatus.NothingToRefund);
        }

        if (amount < 1 || amount > refundable)
        {
            return new RefundResult(RefundStatus.InvalidAmount);
        }

        return order.PaymentMethod == Orders.PaymentMethod.Card
            ? await RefundCardAsync(order, amount, reason, actor, cancellationToken)
            : await RecordAsync(order, amount, reason, actor, cancellationToken);
    }

    /// <summary>Cash is taken on delivery; card and transfer when the order was paid.</summary>
    private static bool MoneyTaken(Order order) => order.PaymentMethod == Orders.PaymentMethod.CashOnDelivery
        ? order.Status is OrderStatus.Delivered or OrderStatus.PartiallyRefunded
        : order.Status is OrderStatus.Paid or OrderStatus.Packed or OrderStatus.Shipped or OrderStatus.Delivered or OrderStatus.PartiallyRefunded;

    private async Task<RefundResult> RecordAsync(Order order, long amount, string reason, string actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(NewRefund(order, amount, RefundChannel.Recorded, RefundState.Succeeded, reason, actor));
        if (await payments.RecordRefundAsync(order.Id, order.RefundedAmount + amount, actor, cancellationToken) != PaymentOutcome.Applied)
        {
            return new RefundResult(RefundStatus.NothingToRefund);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new RefundResult(RefundStatus.Conflict);
        }

        await transaction.CommitAsync(cancellationToken);
        return new RefundResult(RefundStatus.Done);
    }

    /// <summary>
    /// The refund is stored as pending first, so its id makes Stripe's idempotency key: a retried click can never
    /// refund twice. The order's refunded amount changes only when Stripe confirms.
    /// </summary>
    private async Task<RefundResult> RefundCardAsync(Order order, long amount, string reason, string actor, CancellationToken cancellationToken)
    {
        var intent = await db.Set<CardPayment>().Where(p => p.OrderId == order.Id && p.State == CardPaymentState.Completed)
            .Select(p => p.PaymentIntentId).FirstOrDefaultAsync(cancellationToken);
        if (stripe.Client is not { } client || intent is null)
        {
            return new RefundResult(RefundStatus.StripeFailed, stripe.Client is null ? "Stripe is not configured." : "No card payment is on record.");
        }

        var refund = NewRefund(order, amount, RefundChannel.Stripe, RefundState.Pending, reason, actor);
        db.Add(refund);
        order.Touch(clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new RefundResult(RefundStatus.Conflict);
        }

        try
        {
            var created = await new RefundService(client).CreateAsync(
                new RefundCreateOptions { PaymentIntent = intent, Amount = amount, Metadata = new() { ["order"] = order.Number, ["refund"] = refund.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } },
                new RequestOptions { IdempotencyKey = $"refund:{order.Number}:{refund.Id}" },
                cancellationToken);
            refund.StripeRefundId = created.Id;
            await StripeRefundUpdates.ApplyAsync(db, payments, refund, created.Status, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return new RefundResult(RefundStatus.Done);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Stripe's webhook for this refund got there first and recorded it (it finds the refund by our id).
            db.ChangeTracker.Clear();
            return new RefundResult(RefundStatus.Done);
        }
        catch (StripeException e)
        {
            refund.State = RefundState.Failed;
            refund.FailureMessage = Truncate(e.StripeError?.Message ?? e.Message);
            await db.SaveChangesAsync(cancellationToken);
            return new RefundResult(RefundStatus.StripeFailed, refund.FailureMessage);
        }
    }

    private Refund NewRefund(Order order, long amount, RefundChannel channel, RefundState state, string reason, string actor) => new()
    {
        OrderId = order.Id,
        Amount = amount,
        Channel = channel,
        State = state,
        Reason = reason,
        Actor = actor,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
    };

    private static string Truncate(string text) => text.Length > MaxReasonLength ? text[..MaxReasonLength] : text;
}
