namespace VillageCraftPortal.Commerce.Orders;

/// <summary>
/// Which status may follow which. PendingPayment → Paid (card, transfer) or Confirmed (cash on delivery) → Packed →
/// Shipped → Delivered; Cancelled before shipping; Refunded or PartiallyRefunded once money was taken. Cancelled and
/// Refunded are final.
/// </summary>
public static class OrderStateMachine
{
    private static readonly Dictionary<OrderStatus, OrderStatus[]> Next = new()
    {
        [OrderStatus.PendingPayment] = [OrderStatus.Paid, OrderStatus.Confirmed, OrderStatus.Cancelled],
        [OrderStatus.Paid] = [OrderStatus.Packed, OrderStatus.Refunded, OrderStatus.PartiallyRefunded],
        [OrderStatus.Confirmed] = [OrderStatus.Packed, OrderStatus.Cancelled],
        [OrderStatus.Packed] = [OrderStatus.Shipped, OrderStatus.Cancelled, OrderStatus.Refunded, OrderStatus.PartiallyRefunded],
        [OrderStatus.Shipped] = [OrderStatus.Delivered, OrderStatus.Refunded, OrderStatus.PartiallyRefunded],
        [OrderStatus.Delivered] = [OrderStatus.Refunded, OrderStatus.PartiallyRefunded],
        // After a partial refund the rest of the order goes on, and more may be refunded.
        [OrderStatus.PartiallyRefunded] = [OrderStatus.PartiallyRefunded, OrderStatus.Refunded, OrderStatus.Packed, OrderStatus.Shipped, OrderStatus.Delivered],
        [OrderStatus.Cancelled] = [],
        [OrderStatus.Refunded] = [],
    };

    public static bool CanMove(OrderStatus from, OrderStatus to) => Next[from].Contains(to);

    public static IReadOnlyList<OrderStatus> NextOf(OrderStatus from) => Next[from];

    public static bool IsFinal(OrderStatus status) => Next[status].Length == 0;
}
