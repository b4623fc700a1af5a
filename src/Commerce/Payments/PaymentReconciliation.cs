using Microsoft.EntityFrameworkCore;
using Stripe;
using Stripe.Checkout;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Payments.Stripe;

namespace VillageCraftPortal.Commerce.Payments;

/// <summary>
/// Settles unpaid orders whose stock hold has run out. A card order's Stripe session is fetched first, because its
/// webhook may have been lost: paid → the order is paid; still open → asked to expire; expired → cancelled and the
/// stock returned. A bank transfer not confirmed in time is cancelled.
/// </summary>
public sealed class PaymentReconciliation(DbContext db, OrderPayments payments, StripeConnection connection)
{
    public const string Actor = "reconciliation";

    /// <summary>One pass; returns how many orders changed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken, int batch = 100)
    {
        var changed = 0;
        foreach (var orderId in await payments.ExpiredHoldsAsync(batch, cancellationToken))
        {
            // Each order in its own transaction: stock given back and the status change commit together.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var settled = await SettleAsync(orderId, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                changed += settled ? 1 : 0;
            }
            catch (DbUpdateConcurrencyException)
            {
                // A webhook or another pass settled this order meanwhile; its change stands.
                await transaction.RollbackAsync(cancellationToken);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return changed;
    }

    private async Task<bool> SettleAsync(int orderId, CancellationToken cancellationToken)
    {
        var card = await db.Set<CardPayment>().Where(p => p.OrderId == orderId).OrderByDescending(p => p.Attempt).FirstOrDefaultAsync(cancellationToken);
        if (card is null || connection.Client is not { } stripe)
        {
            return await payments.CancelUnpaidAsync(orderId, Actor, "hold expired", cancellationToken) == PaymentOutcome.Applied;
        }

        var sessions = new SessionService(stripe);
        try
        {
            var session = await sessions.GetAsync(card.SessionId, cancellationToken: cancellationToken);
            if (session.Status == "open")
            {
                session = await sessions.ExpireAsync(card.SessionId, cancellationToken: cancellationToken);
            }

            if (session.PaymentStatus == "paid" && session.AmountTotal == card.Amount)
            {
                card.State = CardPaymentState.Completed;
                card.PaymentIntentId = session.PaymentIntentId;
                return await payments.MarkPaidAsync(orderId, Actor, $"Stripe {session.Id} (reconciled)", cancellationToken) == PaymentOutcome.Applied;
            }

            card.State = CardPaymentState.Expired;
            return await payments.CancelUnpaidAsync(orderId, Actor, $"Stripe {session.Id}: {session.Status}", cancellationToken) == PaymentOutcome.Applied;
        }
        catch (StripeException)
        {
            // Stripe unreachable: keep the hold and try on the next pass rather than cancel a possibly paid order.
            return false;
        }
    }
}
