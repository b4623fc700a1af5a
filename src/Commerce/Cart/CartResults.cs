using VillageCraftPortal.Commerce.Catalogue;

namespace VillageCraftPortal.Commerce.Cart;

public enum CartAddStatus
{
    Added,

    /// <summary>Added, but capped at the most one line may hold (99).</summary>
    LimitedToMaximum,

    /// <summary>Added, but capped at what is in stock.</summary>
    LimitedByStock,
    InvalidQuantity,
    UnknownVariant,
    NotListed,
    SoldOut,
}

/// <summary>What adding did: the cart (new or existing) and the line's quantity now.</summary>
public sealed record CartAddResult(CartAddStatus Status, Guid? CartId = null, int Quantity = 0)
{
    public bool Succeeded => Status is CartAddStatus.Added or CartAddStatus.LimitedToMaximum or CartAddStatus.LimitedByStock;
}

public enum CartLineStatus
{
    Updated,

    /// <summary>Updated, but capped at what is in stock.</summary>
    LimitedByStock,
    Removed,
    InvalidQuantity,
    NoCart,
    NotInCart,
}

public enum CartChangeKind
{
    /// <summary>The price is not the one the buyer last saw.</summary>
    PriceChanged,

    /// <summary>Fewer are in stock than the buyer wanted: the quantity was lowered to what there is.</summary>
    QuantityReduced,

    /// <summary>None left: the line stays, flagged, and the cart cannot be checked out until it is removed.</summary>
    SoldOut,

    /// <summary>The product was taken off sale (or deleted): the line was removed.</summary>
    NoLongerListed,
}

/// <summary>
/// Something that changed since the buyer last looked. <see cref="Variant"/> (with its product) is null when the
/// variant no longer exists at all.
/// </summary>
public sealed record CartChange(CartChangeKind Kind, int VariantId, ProductVariant? Variant, long OldPrice = 0, long NewPrice = 0, int OldQuantity = 0, int NewQuantity = 0);

/// <summary>A line as it stands against the catalogue now: today's price, and whether any are left.</summary>
public sealed record ReviewedLine(ProductVariant Variant, int Quantity)
{
    public Product Product => Variant.Product;

    public long UnitPrice => Variant.Price;

    public long LineTotal => UnitPrice * Quantity;

    public bool IsSoldOut => Variant.Available <= 0;
}

/// <summary>The cart re-checked against the catalogue, and what changed since the buyer last saw it.</summary>
/// <param name="CheckoutDetails">The checkout details typed so far (JSON), read with the cart.</param>
public sealed record CartReview(Guid? CartId, IReadOnlyList<ReviewedLine> Lines, IReadOnlyList<CartChange> Changes, string? CheckoutDetails = null)
{
    public static readonly CartReview None = new(null, [], []);

    public bool IsEmpty => Lines.Count == 0;

    /// <summary>Lines that can be bought now (sold-out lines are shown but not counted).</summary>
    public IEnumerable<ReviewedLine> Buyable => Lines.Where(l => !l.IsSoldOut);

    public bool CanCheckOut => Lines.Count > 0 && Lines.All(l => !l.IsSoldOut);

    public long Subtotal => Buyable.Sum(l => l.LineTotal);

    public int ItemCount => Lines.Sum(l => l.Quantity);

    public int WeightGrams => Buyable.Sum(l => l.Product.WeightGrams * l.Quantity);

    public bool HasPerishable => Buyable.Any(l => l.Product.Perishable);
}
