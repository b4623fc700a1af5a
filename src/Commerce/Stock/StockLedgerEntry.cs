namespace VillageCraftPortal.Commerce.Stock;

public enum StockReason
{
    /// <summary>Held for an order awaiting payment.</summary>
    Reserved,

    /// <summary>A hold given back: payment failed or expired, or the order was cancelled.</summary>
    Released,

    /// <summary>Sold: cash on delivery at once, card and transfer on payment. No change to what is available.</summary>
    Committed,

    /// <summary>Opening stock from the seed content, and staff changes recorded before the reasons below.</summary>
    Adjusted,

    /// <summary>Goods came back after a refund, or a buyer brought them back.</summary>
    Returned,

    /// <summary>Staff received new stock from the workshop.</summary>
    Received,

    /// <summary>Staff counted the shelf: the delta is the count minus what the shop thought it had.</summary>
    Counted,

    /// <summary>Broken or spoilt goods taken off sale.</summary>
    Damaged,

    /// <summary>Staff put right an earlier mistake.</summary>
    Correction,
}

/// <summary>Every change to a variant's stock: who, why and by how much. The deltas sum to what is available.</summary>
public sealed class StockLedgerEntry
{
    public long Id { get; set; }

    public int VariantId { get; set; }

    /// <summary>The change to what is available (negative for a reservation).</summary>
    public int Delta { get; set; }

    public StockReason Reason { get; set; }

    public int? OrderId { get; set; }

    public required string Actor { get; set; }

    public string? Note { get; set; }

    public DateTime At { get; set; }
}
