using Microsoft.EntityFrameworkCore;
using Stripe;
using Stripe.Checkout;
using VillageCraftPortal.Commerce.Orders;

namespace VillageCraftPortal.Commerce.Payments.Stripe;

public enum AbandonStatus
{
    /// <summary>Every session is closed and the order cancelled: its stock is back on sale.</summary>
    Cancelled,

    /// <summary>Stripe says a session was paid meanwhile: the order stands (its webhook will finalise it).</summary>
    AlreadyPaid,

    /// <summary>The order is no longer waiting for a card payment.</summary>
    NotPending,

    /// <summary>Stripe could not be asked; nothing changed, the buyer may try again.</summary>
    Unavailable,
}

/// <summary>
/// A buyer who left Stripe's page gives up paying by card: the open sessions are expired first (so none can still be
/// paid), then the order is cancelled and its held stock returned, in one transaction.
/// </summary>
public sealed class CardPaymentAbandonment(DbContext db, OrderPayments payments, StripeConnection connection)
{
    public async Task<AbandonStatus> AbandonAsync(int orderId, string actor, CancellationToken cancellationToken)
    {
        var order = await db.Set<Order>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is not { Status: OrderStatus.PendingPayment, PaymentMethod: Orders.PaymentMethod.Card })
        {
            return AbandonStatus.NotPending;
        }

        var open = await db.Set<CardPayment>().Where(p => p.OrderId == orderId && p.State == CardPaymentState.Open).ToListAsync(cancellationToken);
        if (open.Count > 0)
        {
            if (connection.Client is not { } stripe)
            {
                return AbandonStatus.Unavailable;
            }

            var sessions = new SessionService(stripe);
            try
            {
                foreach (var payment in open)
                {
                    var session = await sessions.GetAsync(payment.SessionId, cancellationToken: cancellationToken);
                    if (session.Status == "complete")
                    {
                        return AbandonStatus.AlreadyPaid;
                    }

                    if (session.Status == "open")
                    {
                        await sessions.ExpireAsync(payment.SessionId, cancellationToken: cancellationToken);
                    }

                    payment.State = CardPaymentState.Expired;
                }
            }
            catch (Exception ex) when (ex is StripeException or HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                db.ChangeTracker.Clear();
                return AbandonStatus.Unavailable;
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var outcome = await payments.CancelUnpaidAsync(orderId, actor, "card payment abandoned at checkout", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return outcome is PaymentOutcome.Applied or PaymentOutcome.AlreadyDone ? AbandonStatus.Cancelled : AbandonStatus.NotPending;
        }
        catch (DbUpdateConcurrencyException)
        {
            // A webhook changed the order meanwhile (e.g. paid): its change stands.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return AbandonStatus.NotPending;
        }
    }
}
