using System.Globalization;
using System.Text.RegularExpressions;

namespace VillageCraftPortal.Web.Backoffice;

public enum DongProblem
{
    None,
    Empty,
    Format,

    /// <summary>Looks like a decimal ("12,5", "1.250,50"): đồng has none, so it is refused rather than guessed.</summary>
    LooksDecimal,
    TooLarge,
}

/// <summary>
/// Whole đồng as staff type them (prices, refunds, amounts on a bank statement): "1250000", "1.250.000",
/// "1,250,000", "1 250 000", "450.000 ₫" or "450000đ" all read the same. A separator must group thousands.
/// </summary>
public static partial class DongInput
{
    public const long Max = 99_999_999_999;

    public static (long? Amount, DongProblem Problem) Read(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return (null, DongProblem.Empty);
        }

        var compact = Currency().Replace(trimmed, string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("\u00a0", string.Empty, StringComparison.Ordinal).Replace("\u202f", string.Empty, StringComparison.Ordinal);
        if (!Digits().IsMatch(compact) && !Grouped().IsMatch(compact))
        {
            return (null, Decimal().IsMatch(compact) ? DongProblem.LooksDecimal : DongProblem.Format);
        }

        var digits = compact.Replace(".", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal);
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount <= Max
            ? (amount, DongProblem.None)
            : (null, DongProblem.TooLarge);
    }

    [GeneratedRegex(@"(?i)\s*(₫|đ|vnđ|vnd|đồng|dong)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Currency();

    [GeneratedRegex(@"^\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    /// <summary>Thousands groups of three after a first group of one to three, all with the same separator.</summary>
    [GeneratedRegex(@"^\d{1,3}(?:(?<sep>[.,])\d{3})(?:\k<sep>\d{3})*$", RegexOptions.CultureInvariant)]
    private static partial Regex Grouped();

    [GeneratedRegex(@"^\d*[.,]\d+$|^[\d.,]+[.,]\d{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Decimal();
}
