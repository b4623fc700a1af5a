using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Payments.Refunds;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Backoffice.Orders;

/// <summary>
/// An order as one member of staff may see it: the parcels and lines of their own centres (administrators and
/// publishers of every centre in it see everything, with the money).
/// </summary>
public sealed record OrderView(
    Order Order,
    IReadOnlyList<Fulfilment> Parcels,
    IReadOnlyList<OrderLine> Lines,
    IReadOnlyList<OrderTransition> Timeline,
    IReadOnlyList<Refund> Refunds,
    bool CanManage,
    long Refundable)
{
    public IEnumerable<OrderLine> LinesOf(Fulfilment parcel) => Lines.Where(l => l.FulfilmentId == parcel.Id);
}

public sealed class OrderDetails(AppDbContext db, OrderRefunds refunds)
{
    /// <summary>The order, or null when it does not exist or has nothing this user may see (the same answer for both).</summary>
    public async Task<OrderView?> FindAsync(BackofficeAccess access, int orderId, CancellationToken cancellationToken)
    {
        var order = await db.Set<Order>().AsNoTracking().AsSplitQuery()
            .Include(o => o.Fulfilments).Include(o => o.Lines).Include(o => o.Transitions)
            .SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var parcels = order.Fulfilments.Where(f => access.CanFulfil(f.VillageCode)).OrderBy(f => f.VillageCode, StringComparer.Ordinal).ToList();
        if (parcels.Count == 0)
        {
            return null;
        }

        var manage = access.CanManageOrder(order.Fulfilments.Select(f => f.VillageCode));
        var visible = parcels.Select(p => p.Id).ToHashSet();
        var timeline = order.Transitions
            .Where(t => manage || t.FulfilmentId is null || visible.Contains(t.FulfilmentId.Value))
            .OrderBy(t => t.Id).ToList();
        var refundList = manage
            ? await db.Set<Refund>().AsNoTracking().Where(r => r.OrderId == orderId).OrderBy(r => r.Id).ToListAsync(cancellationToken)
            : [];
        return new OrderView(
            order,
            parcels,
            order.Lines.Where(l => visible.Contains(l.FulfilmentId)).OrderBy(l => l.Id).ToList(),
            timeline,
            refundList,
            manage,
            manage ? await refunds.RefundableAsync(order, cancellationToken) : 0);
    }
}
