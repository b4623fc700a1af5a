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

    /// <summary>The options in Vietnamese; the English ones below fall back to these when empty.</summary>
    public string? Size { get; set; }

    public string? Colour { get; set; }

    public string? Pattern { get; set; }

    public string? SizeEn { get; set; }

    public string? ColourEn { get; set; }

    public string? PatternEn { get; set; }

    public long Price { get; set; }

    /// <summary>The earlier price, shown struck through when it is higher than <see cref="Price"/>.</summary>
    public long? CompareAtPrice { get; set; }

    public int Available { get; set; }

    public int SortOrder { get; set; }

    /// <summary>Counts saves of the options and prices (never stock, which moves by atomic deltas).</summary>
    public int Revision { get; set; }

    public string Label => LabelIn("vi");

    /// <summary>The options in one culture ("vi" or "en"), each English option falling back to its Vietnamese one.</summary>
    public string LabelIn(string culture)
    {
        string?[] options = culture == "en" ? [SizeEn ?? Size, ColourEn ?? Colour, PatternEn ?? Pattern] : [Size, Colour, Pattern];
        return string.Join(" · ", options.Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}
