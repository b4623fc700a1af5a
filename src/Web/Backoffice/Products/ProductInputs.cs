using System.Globalization;
using System.Text.RegularExpressions;

namespace VillageCraftPortal.Web.Backoffice.Products;

/// <summary>
/// Reading what staff type for prices and SKUs. A price is whole đồng: "1250000", "1.250.000", "1,250,000" and
/// "1 250 000" all mean the same, because đồng has no decimals; anything that could be a decimal ("12.5", "1.250,50")
/// is refused with a message rather than guessed.
/// </summary>
public static partial class ProductInputs
{
    public const long MaxPrice = 99_999_999;
    public const int MaxSkuLength = 64;

    /// <summary>Whole đồng (see <see cref="DongInput"/>), or the text key of what is wrong with the input.</summary>
    public static (long? Amount, string? Problem) Dong(string? text, bool required) => DongInput.Read(text) switch
    {
        (_, DongProblem.Empty) => (null, required ? "bo.products.error.priceRequired" : null),
        (_, DongProblem.LooksDecimal) => (null, "bo.products.error.priceDecimal"),
        (_, DongProblem.Format) => (null, "bo.products.error.priceFormat"),
        ({ } amount, DongProblem.None) when amount is > 0 and <= MaxPrice => (amount, null),
        _ => (null, "bo.products.error.priceRange"),
    };

    /// <summary>The SKU trimmed and in capitals, and the text key of what is wrong with it, if anything.</summary>
    public static (string Sku, string? Problem) Sku(string? text)
    {
        var sku = (text ?? string.Empty).Trim().ToUpperInvariant();
        if (sku.Length == 0)
        {
            return (sku, "bo.products.error.skuRequired");
        }

        if (sku.Length > MaxSkuLength)
        {
            return (sku, "bo.products.error.skuTooLong");
        }

        return (sku, SkuPattern().IsMatch(sku) ? null : "bo.products.error.skuFormat");
    }

    /// <summary>A whole number, optionally signed ("+5", "-2"); anything else is null.</summary>
    public static int? Whole(string? text) =>
        int.TryParse((text ?? string.Empty).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact((text ?? string.Empty).Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Text as typed, trimmed, or null when empty.</summary>
    public static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Capital letters and digits in groups joined by single hyphens (BT-TEA-01-S), as the seed content writes them.</summary>
    [GeneratedRegex("^[A-Z0-9]+(?:-[A-Z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SkuPattern();
}
