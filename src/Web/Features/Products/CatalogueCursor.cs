using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace VillageCraftPortal.Web.Features.Products;

/// <summary>
/// A keyset position: the sort key and id of the last product shown (after=…) or the first (before=…), so the next
/// page starts right there without counting rows (no OFFSET). It is opaque in the URL but not secret: a changed one
/// only moves the position, and one that does not read as a position of this sort gives the first page.
/// </summary>
public sealed record CatalogueCursor(CatalogueSort Sort, string Culture, string Key, int Id, bool Backward)
{
    private const string Version = "1";
    private const int MaxLength = 600;

    public string Encode() =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(string.Join('|', Version, (int)Sort, Culture, Id.ToString(CultureInfo.InvariantCulture), Key)));

    /// <summary>Newest: the creation time.</summary>
    public DateTime CreatedAt => new(long.Parse(Key, CultureInfo.InvariantCulture), DateTimeKind.Utc);

    /// <summary>By price: the product's lowest price.</summary>
    public long Price => long.Parse(Key, CultureInfo.InvariantCulture);

    public static CatalogueCursor For(CatalogueSort sort, string culture, ProductCardRow row, bool backward) => new(sort, culture, sort switch
    {
        CatalogueSort.Newest => row.CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture),
        CatalogueSort.PriceLow or CatalogueSort.PriceHigh => row.MinPrice.ToString(CultureInfo.InvariantCulture),
        _ => row.Name(culture),
    }, row.Id, backward);

    /// <summary>The position in the query, if it is one for this sort (and, for names, this culture); otherwise null.</summary>
    public static CatalogueCursor? Read(string? after, string? before, CatalogueSort sort, string culture)
    {
        var (text, backward) = after is not null ? (after, false) : (before, true);
        if (text is null || text.Length > MaxLength)
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(WebEncoders.Base64UrlDecode(text));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return null;
        }

        var parts = decoded.Split('|', 5);
        if (parts.Length != 5 || parts[0] != Version
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sortNumber) || sortNumber != (int)sort
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        var key = parts[4];
        var valid = sort switch
        {
            CatalogueSort.Newest => long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks,
            CatalogueSort.PriceLow or CatalogueSort.PriceHigh => long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out _),

            // Names differ between cultures, so a position by name holds only in its own.
            _ => parts[2] == culture && key.Length <= 200,
        };
        return valid ? new CatalogueCursor(sort, culture, key, id, backward) : null;
    }
}
