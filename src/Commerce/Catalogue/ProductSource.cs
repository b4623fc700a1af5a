namespace VillageCraftPortal.Commerce.Catalogue;

/// <summary>A public page a product's facts come from (the seed content's <c>sources:</c>).</summary>
public sealed class ProductSource
{
    public int Id { get; set; }

    public int ProductId { get; set; }

    public int SortOrder { get; set; }

    public required string Title { get; set; }

    public string? Publisher { get; set; }

    public string? Url { get; set; }

    public DateOnly? PublishedOn { get; set; }
}
