using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Stock;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Features.Orders;

/// <summary>
/// An order as the buyer sees it (emails and the status page): its lines, each centre's parcel, its history, and until
/// when unpaid stock is held for it.
/// </summary>
/// <param name="HasHistory">Whether <see cref="Order.Transitions"/> were read (<see cref="History"/> needs them).</param>
public sealed record OrderDetails(Order Order, DateTime? HeldUntil, bool HasHistory)
{
    /// <summary>Each centre's parcel with its lines, in the order the lines were bought.</summary>
    public IEnumerable<(Fulfilment Fulfilment, IReadOnlyList<OrderLine> Lines)> Parcels =>
        Order.Fulfilments.OrderBy(f => Order.Lines.Where(l => l.FulfilmentId == f.Id).Min(l => (int?)l.Id) ?? int.MaxValue)
            .Select(f => (f, (IReadOnlyList<OrderLine>)[.. Order.Lines.Where(l => l.FulfilmentId == f.Id).OrderBy(l => l.Id)]));

    /// <summary>The buyer's changes of status, oldest first (a centre's own steps included).</summary>
    public IEnumerable<OrderTransition> History => HasHistory
        ? Order.Transitions.OrderBy(t => t.At).ThenBy(t => t.Id)
        : throw new InvalidOperationException("The order's history was not read: load the details with their history.");
}

/// <summary>Reads <see cref="OrderDetails"/> without tracking: the order with its lines and parcels, then its history if asked.</summary>
public static class OrderDetailsReader
{
    /// <param name="withHistory">Whether to read the order's changes of status too (one more query).</param>
    public static async Task<OrderDetails?> LoadAsync(AppDbContext db, int orderId, bool withHistory, CancellationToken cancellationToken)
    {
        // One query for the order, its lines and its parcels. Joining both collections gives lines × parcels rows, which
        // stays small: an order has one parcel per centre (ten centres today).
        var order = await db.Set<Order>().AsNoTracking().AsSingleQuery()
            .Include(o => o.Lines).Include(o => o.Fulfilments)
            .SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return null;
        }

        if (withHistory)
        {
            order.Transitions = await db.Set<OrderTransition>().AsNoTracking().Where(t => t.OrderId == orderId).ToListAsync(cancellationToken);
        }

        // Stock is held only while a payment is awaited; once paid, confirmed or cancelled nothing is held.
        var heldUntil = order.Status != OrderStatus.PendingPayment ? null : await db.Set<StockReservation>().AsNoTracking()
            .Where(r => r.OrderId == orderId && r.State == ReservationState.Held && r.ExpiresAt != null)
            .MinAsync(r => r.ExpiresAt, cancellationToken);
        return new OrderDetails(order, heldUntil, withHistory);
    }
}
