using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Payments.Stripe;

namespace VillageCraftPortal.Commerce.Payments.Refunds;

/// <summary>
/// Stripe's refund.* and charge.refunded events for our <see cref="Refund"/> records: ours are found by the id we put
/// in the metadata (the event may arrive before we stored Stripe's id); one made in Stripe's dashboard is recorded as
/// new. Runs inside the webhook's transaction.
/// </summary>
public sealed class StripeRefundEvents(DbContext db, OrderPayments payments, TimeProvider clock)
{
    public async Task<bool> ApplyAsync(global::Stripe.Refund stripeRefund, CancellationToken cancellationToken)
    {
        var refund = await FindAsync(stripeRefund, cancellationToken);
        if (refund is null)
        {
            var orderId = await db.Set<CardPayment>().Where(p => p.PaymentIntentId == stripeRefund.PaymentIntentId && p.PaymentIntentId != null)
                .Select(p => (int?)p.OrderId).FirstOrDefaultAsync(cancellationToken);
            if (orderId is null)
            {
                return false;
            }

            refund = new Refund
            {
                OrderId = orderId.Value,
                Amount = stripeRefund.Amount,
                Channel = RefundChannel.Stripe,
                State = RefundState.Pending,
                StripeRefundId = stripeRefund.Id,
                Reason = "Stripe Dashboard",
                Actor = StripeWebhooks.Actor,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Add(refund);
        }

        refund.StripeRefundId ??= stripeRefund.Id;
        return await StripeRefundUpdates.ApplyAsync(db, payments, refund, stripeRefund.Status, cancellationToken);
    }

    /// <summary>
    /// charge.refunded reports the charge's refunded total: pending refunds that fit in it are confirmed by it, so
    /// they stop counting as "waiting on Stripe".
    /// </summary>
    public async Task<bool> SettleAsync(int orderId, long amountRefunded, CancellationToken cancellationToken)
    {
        var refunds = await db.Set<Refund>().Where(r => r.OrderId == orderId && r.Channel == RefundChannel.Stripe && r.State != RefundState.Failed)
            .OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var covered = refunds.Where(r => r.State == RefundState.Succeeded).Sum(r => r.Amount);
        var changed = false;
        foreach (var pending in refunds.Where(r => r.State == RefundState.Pending))
        {
            if (covered + pending.Amount > amountRefunded)
            {
                break;
            }

            pending.State = RefundState.Succeeded;
            covered += pending.Amount;
            changed = true;
        }

        return changed;
    }

    private async Task<Refund?> FindAsync(global::Stripe.Refund stripeRefund, CancellationToken cancellationToken)
    {
        if (stripeRefund.Metadata?.TryGetValue("refund", out var ours) == true
            && int.TryParse(ours, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            var mine = await db.Set<Refund>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (mine is not null)
            {
                return mine;
            }
        }

        return await db.Set<Refund>().SingleOrDefaultAsync(r => r.StripeRefundId == stripeRefund.Id, cancellationToken);
    }
}
