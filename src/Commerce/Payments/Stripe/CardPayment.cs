namespace VillageCraftPortal.Commerce.Payments.Stripe;

public enum CardPaymentState
{
    Open,
    Completed,
    Expired,
}

/// <summary>One attempt to pay an order by card: a Stripe Checkout session. A new attempt expires the previous one.</summary>
public sealed class CardPayment
{
    public int Id { get; set; }

    public int OrderId { get; set; }

    public int Attempt { get; set; }

    public required string SessionId { get; set; }

    public required string Url { get; set; }

    public CardPaymentState State { get; set; }

    public long Amount { get; set; }

    public string? PaymentIntentId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }
}

/// <summary>A Stripe event already handled: its id is unique, written in the same transaction as its effect.</summary>
public sealed class ProcessedStripeEvent
{
    public required string Id { get; set; }

    public required string Type { get; set; }

    public DateTime ReceivedAt { get; set; }
}
