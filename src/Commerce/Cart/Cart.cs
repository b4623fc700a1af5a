namespace VillageCraftPortal.Commerce.Cart;

/// <summary>
/// A guest's cart, found only through the random id in its signed, encrypted cookie (there are no buyer accounts).
/// It lives for <see cref="Lifetime"/> after the last activity; <see cref="CartPurge"/> deletes it after that.
/// </summary>
public sealed class Cart
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public Guid Id { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public List<CartLine> Lines { get; set; } = [];

    /// <summary>What the buyer has typed into the checkout so far (the checkout's own JSON), so no step loses it.</summary>
    public string? CheckoutDetails { get; set; }

    /// <summary>
    /// The token of the place-order form now on screen. Placing an order claims it (one conditional UPDATE), so a
    /// second submit of the same form cannot place a second order.
    /// </summary>
    public Guid? CheckoutToken { get; set; }

    /// <summary>The token of an order being placed right now (between the claim and the order's completion).</summary>
    public Guid? ClaimedToken { get; set; }

    /// <summary>The form token that placed <see cref="PlacedOrderId"/>: a repeated submit is sent to that order.</summary>
    public Guid? PlacedToken { get; set; }

    /// <summary>The last order placed from this cart (a card order waiting for Stripe can be retried or given up).</summary>
    public int? PlacedOrderId { get; set; }

    public int ItemCount => Lines.Sum(l => l.Quantity);

    public bool IsExpiredAt(DateTime now) => ExpiresAt <= now;

    /// <summary>How stale the recorded activity may be before a mere view records it again.</summary>
    public static readonly TimeSpan ViewInterval = TimeSpan.FromHours(1);

    /// <summary>
    /// Records a view as activity, at most once per <see cref="ViewInterval"/>: an expiry a month away needs no
    /// write on every page, and on SQLite every write waits for the one writer.
    /// </summary>
    public void Viewed(DateTime now)
    {
        if (now - UpdatedAt >= ViewInterval)
        {
            Touch(now);
        }
    }

    /// <summary>Records activity: the cart now lives <see cref="Lifetime"/> from <paramref name="now"/>.</summary>
    public void Touch(DateTime now)
    {
        UpdatedAt = now;
        ExpiresAt = now + Lifetime;
    }
}

/// <summary>One variant in a cart, with the unit price the buyer last saw (to tell them when it changes).</summary>
public sealed class CartLine
{
    public long Id { get; set; }

    public Guid CartId { get; set; }

    public int VariantId { get; set; }

    public int Quantity { get; set; }

    /// <summary>Whole đồng, VAT included, as last shown to the buyer.</summary>
    public long SeenUnitPrice { get; set; }

    public DateTime AddedAt { get; set; }
}
