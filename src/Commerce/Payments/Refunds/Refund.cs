namespace VillageCraftPortal.Commerce.Payments.Refunds;

public enum RefundChannel
{
    /// <summary>Back to the card through Stripe; it counts once Stripe confirms it.</summary>
    Stripe,

    /// <summary>Cash or a bank transfer paid back by staff, recorded here.</summary>
    Recorded,
}

public enum RefundState
{
    Pending,
    Succeeded,
    Failed,
}

/// <summary>Money given back on an order, in whole đồng: who asked, why, and how it went.</summary>
public sealed class Refund
{
    public int Id { get; set; }

    public int OrderId { get; set; }

    public long Amount { get; set; }

    public RefundChannel Channel { get; set; }

    public RefundState State { get; set; }

    public string? StripeRefundId { get; set; }

    public required string Reason { get; set; }

    public required string Actor { get; set; }

    /// <summary>Why Stripe refused or failed it, for staff.</summary>
    public string? FailureMessage { get; set; }

    public DateTime CreatedAt { get; set; }
}
