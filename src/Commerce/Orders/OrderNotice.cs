namespace VillageCraftPortal.Commerce.Orders;

/// <summary>What the buyer is told about an order.</summary>
public enum NoticeKind
{
    Received,
    PaymentConfirmed,
    Shipped,
    Refunded,
    Cancelled,
}

/// <summary>
/// An email the buyer is owed, written in the same transaction as the change it reports; the site's email job turns
/// it into a message in the buyer's language and stamps <see cref="SentAt"/>.
/// </summary>
public sealed class OrderNotice
{
    public long Id { get; set; }

    public int OrderId { get; set; }

    public NoticeKind Kind { get; set; }

    /// <summary>For <see cref="NoticeKind.Shipped"/>: the centre's parcel that left.</summary>
    public int? FulfilmentId { get; set; }

    /// <summary>For <see cref="NoticeKind.Refunded"/>: the đồng refunded by this refund.</summary>
    public long? Amount { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>
    /// Why the email job could not turn this notice into an email (e.g. the buyer's address is not one); set instead of
    /// <see cref="SentAt"/>, so the notice waits for a person rather than holding up the others.
    /// </summary>
    public string? Problem { get; set; }
}
