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

    /// <summary>Whole đồng, or the text key of what is wrong with the input.</summary>
    public static (long? Amount, string? Problem) Dong(string? text, bool required)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return (null, required ? "bo.products.error.priceRequired" : null);
        }

        var compact = Currency().Replace(trimmed, string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("\u00a0", string.Empty, StringComparison.Ordinal).Replace("\u202f", string.Empty, StringComparison.Ordinal);
        if (!Digits().IsMatch(compact) && !Grouped().IsMatch(compact))
        {
            return (null, Decimal().IsMatch(compact) ? "bo.products.error.priceDecimal" : "bo.products.error.priceFormat");
        }

        var digits = compact.Replace(".", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal);
        if (digits.Length > 9 || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return (null, "bo.products.error.priceRange");
        }

        return amount is > 0 and <= MaxPrice ? (amount, null) : (null, "bo.products.error.priceRange");
    }

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

    [GeneratedRegex(@"(?i)\s*(₫|đ|vnđ|vnd|đồng|dong)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Currency();

    [GeneratedRegex(@"^\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    /// <summary>Thousands groups of three after a first group of one to three, all with the same separator.</summary>
    [GeneratedRegex(@"^\d{1,3}(?:(?<sep>[.,])\d{3})(?:\k<sep>\d{3})*$", RegexOptions.CultureInvariant)]
    private static partial Regex Grouped();

    [GeneratedRegex(@"^\d*[.,]\d+$|^[\d.,]+[.,]\d{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Decimal();

    /// <summary>Capital letters and digits in groups joined by single hyphens (BT-TEA-01-S), as the seed content writes them.</summary>
    [GeneratedRegex("^[A-Z0-9]+(?:-[A-Z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SkuPattern();
}
