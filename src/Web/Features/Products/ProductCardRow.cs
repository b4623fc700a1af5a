using System.Linq.Expressions;
using VillageCraftPortal.Commerce.Catalogue;

namespace VillageCraftPortal.Web.Features.Products;

/// <summary>
/// A product as a card in a listing: what the card shows, and the sort keys its keyset position is made of. Prices are
/// summed up per product in SQL (lowest, highest, the cheapest variant's earlier price), so a page is one query.
/// </summary>
public sealed record ProductCardRow(
    int Id,
    string Alias,
    string VillageCode,
    string Category,
    string NameVi,
    string NameEn,
    DateTime CreatedAt,
    List<string> ImageKeys,
    int? OcopStars,
    string? OcopCertificateNumber,
    DateOnly? OcopIssuedOn,
    DateOnly? OcopExpiresOn,
    long MinPrice,
    long MaxPrice,
    long? CompareAtPrice,
    bool InStock)
{
    /// <summary>Only for products with at least one variant (listings show no others).</summary>
    public static readonly Expression<Func<Product, ProductCardRow>> Projection = p => new ProductCardRow(
        p.Id,
        p.Alias,
        p.VillageCode,
        p.Category,
        p.NameVi,
        p.NameEn,
        p.CreatedAt,
        p.ImageKeys,
        p.OcopStars,
        p.OcopCertificateNumber,
        p.OcopIssuedOn,
        p.OcopExpiresOn,
        p.Variants.Min(v => v.Price),
        p.Variants.Max(v => v.Price),
        p.Variants.OrderBy(v => v.Price).ThenBy(v => v.SortOrder).Select(v => v.CompareAtPrice).FirstOrDefault(),
        p.Variants.Any(v => v.Available > 0));

    public string Name(string culture) => culture == "en" ? NameEn : NameVi;

    /// <summary>Variants differ in price: the card says "from".</summary>
    public bool HasPriceRange => MaxPrice != MinPrice;

    /// <summary>The earlier price, shown struck through only when it is higher.</summary>
    public long? WasPrice => CompareAtPrice > MinPrice ? CompareAtPrice : null;

    public OcopCertificate? Ocop => OcopStars is { } stars && OcopCertificateNumber is { } number && OcopIssuedOn is { } issued && OcopExpiresOn is { } expires
        ? new OcopCertificate(stars, number, issued.Year, issued, expires)
        : null;
}
