namespace VillageCraftPortal.Commerce.Catalogue;

/// <summary>
/// One buyable form of a product (size, colour, pattern). Prices are whole đồng, VAT included. <see cref="Available"/>
/// is what can still be sold: reservations take from it atomically, so it never goes below zero.
/// </summary>
public sealed class ProductVariant
{
    public int Id { get; set; }

    public int ProductId { get; set; }

    public Product Product { get; set; } = null!;

    public required string Sku { get; set; }

    public string? Size { get; set; }

    public string? Colour { get; set; }

    public string? Pattern { get; set; }

    public long Price { get; set; }

    /// <summary>The earlier price, shown struck through when it is higher than <see cref="Price"/>.</summary>
    public long? CompareAtPrice { get; set; }

    public int Available { get; set; }

    public int SortOrder { get; set; }

    public string Label => string.Join(" · ", new[] { Size, Colour, Pattern }.Where(p => !string.IsNullOrWhiteSpace(p)));
}
