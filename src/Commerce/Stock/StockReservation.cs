namespace VillageCraftPortal.Commerce.Stock;

public enum ReservationState
{
    Held,
    Released,
    Committed,
}

/// <summary>Stock held for one line of an order until it is paid, or until <see cref="ExpiresAt"/>.</summary>
public sealed class StockReservation
{
    public long Id { get; set; }

    public int OrderId { get; set; }

    public int VariantId { get; set; }

    public int Quantity { get; set; }

    public ReservationState State { get; set; }

    /// <summary>When an unpaid hold is released; null for holds committed at once (cash on delivery).</summary>
    public DateTime? ExpiresAt { get; set; }

    public DateTime CreatedAt { get; set; }
}
