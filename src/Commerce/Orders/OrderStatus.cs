namespace VillageCraftPortal.Commerce.Orders;

public enum OrderStatus
{
    PendingPayment,
    Paid,

    /// <summary>Cash on delivery accepted: nothing to pay yet, ready to pack.</summary>
    Confirmed,
    Packed,
    Shipped,
    Delivered,
    Cancelled,
    Refunded,
    PartiallyRefunded,
}

public enum PaymentMethod
{
    Card,
    CashOnDelivery,
    BankTransfer,
}
