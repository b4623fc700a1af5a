using System.Globalization;
using System.Text.RegularExpressions;

namespace VillageCraftPortal.Web.Backoffice.Orders;

/// <summary>
/// Whole đồng as staff type them: "1250000", "1.250.000", "1,250,000" or "1 250 000". A separator must group
/// thousands, so "1.5" or "12,50" (a decimal by mistake) is refused rather than read as 15 or 1,250.
/// </summary>
public static partial class MoneyInput
{
    public const long Max = 99_999_999_999;

    public static long? Parse(string? text)
    {
        var compact = (text ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00a0", string.Empty, StringComparison.Ordinal)
            .TrimEnd('₫').Trim();
        if (compact.Length is 0 or > 20 || !(Plain().IsMatch(compact) || Grouped().IsMatch(compact)))
        {
            return null;
        }

        var digits = compact.Replace(".", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal);
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount <= Max ? amount : null;
    }

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Plain();

    [GeneratedRegex(@"^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$")]
    private static partial Regex Grouped();
}
