using System.Globalization;
using Microsoft.Extensions.Primitives;
using VillageCraftPortal.Commerce.Catalogue;

namespace VillageCraftPortal.Web.Features.Products;

public enum CatalogueSort
{
    Newest,
    PriceLow,
    PriceHigh,
    Name,
}

/// <summary>
/// What a visitor asked the listing for, read from the query string (the URL holds the whole state, so the form works
/// without JavaScript and every view can be linked). A value that makes no sense is left out and named in
/// <see cref="Ignored"/>, never an error.
/// </summary>
public sealed record CatalogueFilter(string? Village, string? Category, int? Stars, long? MinPrice, long? MaxPrice, bool InStock, CatalogueSort Sort)
{
    /// <summary>More than any price in the shop and any number a person types; longer input is not a price.</summary>
    public const long MaxPriceInput = 1_000_000_000_000;

    public static readonly IReadOnlyDictionary<string, CatalogueSort> SortNames = new Dictionary<string, CatalogueSort>(StringComparer.Ordinal)
    {
        ["newest"] = CatalogueSort.Newest,
        ["price-asc"] = CatalogueSort.PriceLow,
        ["price-desc"] = CatalogueSort.PriceHigh,
        ["name"] = CatalogueSort.Name,
    };

    /// <summary>The text keys of the filters that were given but not understood.</summary>
    public IReadOnlyList<string> Ignored { get; private init; } = [];

    /// <summary>The village is the page's own (a village's listing), not a filter the visitor chose.</summary>
    public bool VillageFixed { get; private init; }

    public bool IsFiltered => (Village is not null && !VillageFixed) || Category is not null || Stars is not null || MinPrice is not null || MaxPrice is not null || InStock;

    public string SortName => SortNames.First(s => s.Value == Sort).Key;

    /// <summary>Reads the filters; on a village's own page <paramref name="fixedVillage"/> replaces the village filter.</summary>
    public static CatalogueFilter Parse(IQueryCollection query, IEnumerable<string> villages, string? fixedVillage)
    {
        var ignored = new List<string>();
        string? village = fixedVillage;
        if (fixedVillage is null && First(query, "village") is { } askedVillage)
        {
            village = villages.FirstOrDefault(v => v == askedVillage);
            Ignore(village is null, "store.filter.village");
        }

        string? category = null;
        if (First(query, "category") is { } askedCategory)
        {
            category = ProductCategory.IsKnown(askedCategory) ? askedCategory : null;
            Ignore(category is null, "store.filter.category");
        }

        int? stars = null;
        if (First(query, "stars") is { } askedStars)
        {
            stars = int.TryParse(askedStars, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && OcopCertificate.IsValidStars(s) ? s : null;
            Ignore(stars is null, "store.filter.stars");
        }

        var (min, minOk) = Price(First(query, "min"));
        var (max, maxOk) = Price(First(query, "max"));
        if (!minOk || !maxOk || min > max)
        {
            // A range the visitor did not mean is worse than none: both ends go, and the page says so.
            (min, max) = (null, null);
            ignored.Add("store.filter.price");
        }

        var sort = First(query, "sort") is { } askedSort && SortNames.TryGetValue(askedSort, out var known) ? known : CatalogueSort.Newest;
        var inStock = First(query, "instock") is "true" or "on" or "1";
        return new CatalogueFilter(village, category, stars, min, max, inStock, sort) { Ignored = ignored, VillageFixed = fixedVillage is not null };

        void Ignore(bool when, string key)
        {
            if (when)
            {
                ignored.Add(key);
            }
        }
    }

    /// <summary>The first value of a parameter, trimmed; null when absent or blank.</summary>
    public static string? First(IQueryCollection query, string name) =>
        query.TryGetValue(name, out StringValues values) && values.Count > 0 && values[0] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>Whole đồng; "1.250.000" and "1,250,000" are read as people write them. Not a price: ok = false.</summary>
    private static (long? Value, bool Ok) Price(string? text)
    {
        if (text is null)
        {
            return (null, true);
        }

        var digits = text.Replace(".", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal)
            .Replace(" ", string.Empty, StringComparison.Ordinal).Replace("₫", string.Empty, StringComparison.Ordinal);
        return digits.Length is > 0 and <= 13 && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= MaxPriceInput
            ? (value, true)
            : (null, false);
    }
}
