using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Stock;

namespace VillageCraftPortal.Commerce.Orders;

public enum PaymentOutcome
{
    Applied,

    /// <summary>Already in that state (a repeated event or a second click): nothing changed.</summary>
    AlreadyDone,

    /// <summary>The order has moved on (e.g. paid, then a late "expired" arrived): nothing changed.</summary>
    NotApplicable,
    NotFound,
}

/// <summary>
/// What a payment does to an order and its stock: paid commits the held stock; failed, expired or cancelled gives
/// it back. Call inside a transaction: stock moves at once, the status change on SaveChanges, and the two (with
/// whatever caused them, e.g. the Stripe event id) must commit or fail together.
/// </summary>
public sealed class OrderPayments(DbContext db, StockKeeper stock, TimeProvider clock)
{
    public async Task<PaymentOutcome> MarkPaidAsync(int orderId, string actor, string? note, CancellationToken cancellationToken)
    {
        var order = await LoadAsync(orderId, cancellationToken);
        if (order is null)
        {
            return PaymentOutcome.NotFound;
        }

        if (order.Status != OrderStatus.PendingPayment)
        {
            return order.Status == OrderStatus.Paid ? PaymentOutcome.AlreadyDone : PaymentOutcome.NotApplicable;
        }

        var holds = await HeldAsync(orderId, cancellationToken);
        foreach (var hold in holds)
        {
            hold.State = ReservationState.Committed;
            stock.RecordCommitted(hold.VariantId, hold.Quantity, orderId, actor);
        }

        order.MoveTo(OrderStatus.Paid, actor, note, clock.GetUtcNow().UtcDateTime);
        db.Add(new OrderNotice { OrderId = orderId, Kind = NoticeKind.PaymentConfirmed, CreatedAt = order.UpdatedAt });
        return PaymentOutcome.Applied;
    }

    /// <summary>Cancels an unpaid order and gives its stock back (payment failed, session expired, hold ran out).</summary>
    public async Task<PaymentOutcome> CancelUnpaidAsync(int orderId, string actor, string? note, CancellationToken cancellationToken)
    {
        var order = await LoadAsync(orderId, cancellationToken);
        if (order is null)
        {
            return PaymentOutcome.NotFound;
        }

        if (order.Status != OrderStatus.PendingPayment)
        {
            return order.Status == OrderStatus.Cancelled ? PaymentOutcome.AlreadyDone : PaymentOutcome.NotApplicable;
        }

        foreach (var hold in await HeldAsync(orderId, cancellationToken))
        {
            hold.State = ReservationState.Released;
            await stock.GiveBackAsync(hold.VariantId, hold.Quantity, StockReason.Released, orderId, actor, cancellationToken, note);
        }

        order.MoveTo(OrderStatus.Cancelled, actor, note, clock.GetUtcNow().UtcDateTime);
        db.Add(new OrderNotice { OrderId = orderId, Kind = NoticeKind.Cancelled, CreatedAt = order.UpdatedAt });
        return PaymentOutcome.Applied;
    }

    /// <summary>
    /// Records the total refunded so far (Stripe reports it cumulatively): the order becomes Refunded when all of
    /// it is, PartiallyRefunded otherwise. Stock is not returned automatically: staff decide what came back.
    /// </summary>
    public async Task<PaymentOutcome> RecordRefundAsync(int orderId, long totalRefunded, string actor, CancellationToken cancellationToken)
    {
        var order = await LoadAsync(orderId, cancellationToken);
        if (order is null)
        {
            return PaymentOutcome.NotFound;
        }

        if (totalRefunded <= order.RefundedAmount)
        {
            return PaymentOutcome.AlreadyDone;
        }

        var to = totalRefunded >= order.Total ? OrderStatus.Refunded : OrderStatus.PartiallyRefunded;
        if (!OrderStateMachine.CanMove(order.Status, to))
        {
            return PaymentOutcome.NotApplicable;
        }

        var refundedNow = Math.Min(totalRefunded, order.Total) - order.RefundedAmount;
        order.RefundedAmount += refundedNow;
        order.MoveTo(to, actor, $"refunded {order.RefundedAmount} of {order.Total}", clock.GetUtcNow().UtcDateTime);
        db.Add(new OrderNotice { OrderId = orderId, Kind = NoticeKind.Refunded, Amount = refundedNow, CreatedAt = order.UpdatedAt });
        return PaymentOutcome.Applied;
    }

    /// <summary>Unpaid orders whose hold has run out, oldest first, for the release job.</summary>
    public async Task<IReadOnlyList<int>> ExpiredHoldsAsync(int limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<StockReservation>().AsNoTracking()
            .Where(r => r.State == ReservationState.Held && r.ExpiresAt < now)
            .Select(r => r.OrderId).Distinct().OrderBy(id => id).Take(limit)
            .ToListAsync(cancellationToken);
    }

    private Task<Order?> LoadAsync(int orderId, CancellationToken cancellationToken) =>
        db.Set<Order>().Include(o => o.Fulfilments).SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);

    private Task<List<StockReservation>> HeldAsync(int orderId, CancellationToken cancellationToken) =>
        db.Set<StockReservation>().Where(r => r.OrderId == orderId && r.State == ReservationState.Held).ToListAsync(cancellationToken);
}
