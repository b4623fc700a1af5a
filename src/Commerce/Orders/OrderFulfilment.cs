using Microsoft.EntityFrameworkCore;

namespace VillageCraftPortal.Commerce.Orders;

public enum FulfilmentOutcome
{
    Applied,
    NotFound,

    /// <summary>The parcel cannot take that step now (e.g. shipping before packing, or the order is unpaid).</summary>
    NotAllowed,

    /// <summary>Shipping by courier needs the carrier and the tracking number.</summary>
    ShipmentDetailsRequired,

    /// <summary>Someone else changed the order since the page was shown: nothing was saved.</summary>
    Conflict,
}

/// <summary>The carrier and tracking number of a parcel handed over (optional for pickup at the centre).</summary>
public sealed record Shipment(string? Carrier, string? TrackingNumber);

/// <summary>
/// Moves one centre's parcel on: Packed, Shipped (with carrier and tracking), Delivered. Each centre goes at its own
/// pace; the order follows once every centre has reached the step, and the buyer is told when a parcel leaves.
/// </summary>
public sealed class OrderFulfilment(DbContext db, TimeProvider clock)
{
    public const int MaxShipmentFieldLength = 100;

    private static readonly OrderStatus[] Steps = [OrderStatus.Packed, OrderStatus.Shipped, OrderStatus.Delivered];

    /// <summary>The step this parcel can take next, or null (unpaid, finished, cancelled or refunded).</summary>
    public static OrderStatus? NextStep(Order order, Fulfilment fulfilment)
    {
        if (order.Status is OrderStatus.PendingPayment or OrderStatus.Cancelled or OrderStatus.Refunded)
        {
            return null;
        }

        return fulfilment.Status switch
        {
            OrderStatus.Paid or OrderStatus.Confirmed => OrderStatus.Packed,
            OrderStatus.Packed => OrderStatus.Shipped,
            OrderStatus.Shipped => OrderStatus.Delivered,
            _ => null,
        };
    }

    public async Task<FulfilmentOutcome> AdvanceAsync(
        int orderId, int fulfilmentId, OrderStatus to, Shipment? shipment, string actor, int expectedRevision, CancellationToken cancellationToken)
    {
        var order = await db.Set<Order>().Include(o => o.Fulfilments).SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        var fulfilment = order?.Fulfilments.SingleOrDefault(f => f.Id == fulfilmentId);
        if (order is null || fulfilment is null)
        {
            return FulfilmentOutcome.NotFound;
        }

        if (order.Revision != expectedRevision)
        {
            return FulfilmentOutcome.Conflict;
        }

        if (NextStep(order, fulfilment) != to)
        {
            return FulfilmentOutcome.NotAllowed;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (to == OrderStatus.Shipped)
        {
            if (!ApplyShipment(order, fulfilment, shipment))
            {
                return FulfilmentOutcome.ShipmentDetailsRequired;
            }

            fulfilment.ShippedAt = now;
            db.Add(new OrderNotice { OrderId = order.Id, Kind = NoticeKind.Shipped, FulfilmentId = fulfilment.Id, CreatedAt = now });
        }

        var before = SlowestStep(order);
        order.Transitions.Add(new OrderTransition { OrderId = order.Id, FulfilmentId = fulfilment.Id, From = fulfilment.Status, To = to, Actor = actor, At = now });
        fulfilment.Status = to;
        order.Touch(now);
        var after = SlowestStep(order);
        if (after > before && OrderStateMachine.CanMove(order.Status, Steps[after]))
        {
            order.MoveTo(Steps[after], actor, null, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return FulfilmentOutcome.Conflict;
        }

        return FulfilmentOutcome.Applied;
    }

    /// <summary>Carrier and tracking are required unless the buyer collects at the centre.</summary>
    private static bool ApplyShipment(Order order, Fulfilment fulfilment, Shipment? shipment)
    {
        var carrier = shipment?.Carrier?.Trim();
        var tracking = shipment?.TrackingNumber?.Trim();
        var pickup = order.IsPickup;
        if ((!pickup && (string.IsNullOrEmpty(carrier) || string.IsNullOrEmpty(tracking)))
            || carrier?.Length > MaxShipmentFieldLength || tracking?.Length > MaxShipmentFieldLength
            || (carrier ?? string.Empty).Any(char.IsControl) || (tracking ?? string.Empty).Any(char.IsControl))
        {
            return false;
        }

        fulfilment.Carrier = string.IsNullOrEmpty(carrier) ? null : carrier;
        fulfilment.TrackingNumber = string.IsNullOrEmpty(tracking) ? null : tracking;
        return true;
    }

    /// <summary>How far the slowest centre has got: -1 before packing, else an index into <see cref="Steps"/>.</summary>
    private static int SlowestStep(Order order) => order.Fulfilments.Min(f => Array.IndexOf(Steps, f.Status));
}
