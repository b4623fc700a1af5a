using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Orders;

namespace VillageCraftPortal.Commerce.Payments.Refunds;

/// <summary>
/// Applies what Stripe says about a card refund, from its answer or a refund.* webhook: a success counts towards the
/// order's refunded amount (the sum of every confirmed refund, so repeats change nothing); a failure is kept for staff.
/// </summary>
public static class StripeRefundUpdates
{
    public static async Task<bool> ApplyAsync(DbContext db, OrderPayments payments, Refund refund, string? stripeStatus, CancellationToken cancellationToken)
    {
        switch (stripeStatus)
        {
            case "succeeded" when refund.State != RefundState.Succeeded:
                refund.State = RefundState.Succeeded;
                var others = await db.Set<Refund>()
                    .Where(r => r.OrderId == refund.OrderId && r.Id != refund.Id && r.Channel == RefundChannel.Stripe && r.State == RefundState.Succeeded)
                    .SumAsync(r => r.Amount, cancellationToken);
                await payments.RecordRefundAsync(refund.OrderId, others + refund.Amount, refund.Actor, cancellationToken);
                return true;
            case "failed" or "canceled" when refund.State == RefundState.Pending:
                refund.State = RefundState.Failed;
                refund.FailureMessage = $"Stripe: {stripeStatus}";
                return true;
            default:
                return false;
        }
    }
}
