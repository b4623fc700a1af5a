using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Stock;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Features.Orders;

/// <summary>
/// An order as the buyer sees it (emails and the status page): its lines, each centre's parcel, its history, and until
/// when unpaid stock is held for it.
/// </summary>
public sealed record OrderDetails(Order Order, DateTime? HeldUntil)
{
    /// <summary>Each centre's parcel with its lines, in the order the lines were bought.</summary>
    public IEnumerable<(Fulfilment Fulfilment, IReadOnlyList<OrderLine> Lines)> Parcels =>
        Order.Fulfilments.OrderBy(f => Order.Lines.Where(l => l.FulfilmentId == f.Id).Min(l => (int?)l.Id) ?? int.MaxValue)
            .Select(f => (f, (IReadOnlyList<OrderLine>)[.. Order.Lines.Where(l => l.FulfilmentId == f.Id).OrderBy(l => l.Id)]));

    /// <summary>The buyer's changes of status, oldest first (a centre's own steps included).</summary>
    public IEnumerable<OrderTransition> History => Order.Transitions.OrderBy(t => t.At).ThenBy(t => t.Id);
}

/// <summary>Reads <see cref="OrderDetails"/> without tracking (lines, parcels and history as separate small queries).</summary>
public static class OrderDetailsReader
{
    public static async Task<OrderDetails?> LoadAsync(AppDbContext db, int orderId, CancellationToken cancellationToken)
    {
        var order = await db.Set<Order>().AsNoTracking().AsSplitQuery()
            .Include(o => o.Lines).Include(o => o.Fulfilments).Include(o => o.Transitions)
            .SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return null;
        }

        // Stock is held only while a payment is awaited; once paid, confirmed or cancelled nothing is held.
        var heldUntil = order.Status != OrderStatus.PendingPayment ? null : await db.Set<StockReservation>().AsNoTracking()
            .Where(r => r.OrderId == orderId && r.State == ReservationState.Held && r.ExpiresAt != null)
            .MinAsync(r => r.ExpiresAt, cancellationToken);
        return new OrderDetails(order, heldUntil);
    }
}
