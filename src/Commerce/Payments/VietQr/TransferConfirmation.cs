using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Orders;

namespace VillageCraftPortal.Commerce.Payments.VietQr;

public enum TransferConfirmationStatus
{
    Confirmed,
    NotFound,

    /// <summary>Not a bank-transfer order awaiting payment (already paid, cancelled, or another method).</summary>
    NotAwaitingTransfer,

    /// <summary>The amount on the bank statement is not the order's total: staff must sort it out with the buyer.</summary>
    AmountMismatch,
    Conflict,
}

/// <summary>Staff saw the transfer on the bank statement: the order becomes paid and its held stock is sold.</summary>
public sealed class TransferConfirmation(DbContext db, OrderPayments payments)
{
    public async Task<TransferConfirmationStatus> ConfirmAsync(int orderId, long amountReceived, string actor, int expectedRevision, CancellationToken cancellationToken)
    {
        var order = await db.Set<Order>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return TransferConfirmationStatus.NotFound;
        }

        if (order.Revision != expectedRevision)
        {
            return TransferConfirmationStatus.Conflict;
        }

        if (order.PaymentMethod != Orders.PaymentMethod.BankTransfer || order.Status != OrderStatus.PendingPayment)
        {
            return TransferConfirmationStatus.NotAwaitingTransfer;
        }

        if (amountReceived != order.Total)
        {
            return TransferConfirmationStatus.AmountMismatch;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await payments.MarkPaidAsync(orderId, actor, "bank transfer received", cancellationToken) != PaymentOutcome.Applied)
        {
            return TransferConfirmationStatus.NotAwaitingTransfer;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return TransferConfirmationStatus.Conflict;
        }

        await transaction.CommitAsync(cancellationToken);
        return TransferConfirmationStatus.Confirmed;
    }
}
