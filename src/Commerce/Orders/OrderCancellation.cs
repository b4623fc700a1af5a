using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Stock;

namespace VillageCraftPortal.Commerce.Orders;

public enum CancellationStatus
{
    Cancelled,
    NotFound,

    /// <summary>Money was taken (refund instead) or the parcels have left.</summary>
    NotAllowed,
    ReasonRequired,
    Conflict,
}

/// <summary>
/// Staff cancel an order on which no money was taken: an unpaid one, or cash on delivery before it ships. Its stock
/// goes back on sale and the buyer is told.
/// </summary>
public sealed class OrderCancellation(DbContext db, StockKeeper stock, TimeProvider clock)
{
    public async Task<CancellationStatus> CancelAsync(int orderId, string reason, string actor, int expectedRevision, CancellationToken cancellationToken)
    {
        reason = reason.Trim();
        if (reason.Length is 0 or > 500)
        {
            return CancellationStatus.ReasonRequired;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.Set<Order>().Include(o => o.Fulfilments).SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return CancellationStatus.NotFound;
        }

        if (order.Revision != expectedRevision)
        {
            return CancellationStatus.Conflict;
        }

        if (!CanCancel(order))
        {
            return CancellationStatus.NotAllowed;
        }

        var reservations = await db.Set<StockReservation>()
            .Where(r => r.OrderId == orderId && r.State != ReservationState.Released).ToListAsync(cancellationToken);
        foreach (var reservation in reservations)
        {
            reservation.State = ReservationState.Released;
            await stock.GiveBackAsync(reservation.VariantId, reservation.Quantity, StockReason.Released, orderId, actor, cancellationToken, "order cancelled");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        order.MoveTo(OrderStatus.Cancelled, actor, reason, now);
        db.Add(new OrderNotice { OrderId = orderId, Kind = NoticeKind.Cancelled, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return CancellationStatus.Conflict;
        }

        await transaction.CommitAsync(cancellationToken);
        return CancellationStatus.Cancelled;
    }

    public static bool CanCancel(Order order) =>
        order.Status == OrderStatus.PendingPayment
        || (order.PaymentMethod == PaymentMethod.CashOnDelivery && order.Status is OrderStatus.Confirmed or OrderStatus.Packed);
}
