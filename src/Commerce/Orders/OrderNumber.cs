using System.Globalization;
using System.Text.RegularExpressions;

namespace VillageCraftPortal.Commerce.Orders;

/// <summary>
/// Order numbers such as VCP-2026-000123: the year the order was placed (Hà Nội time) and the order's id, so they
/// are unique without a counter table and readable over the phone.
/// </summary>
public static partial class OrderNumber
{
    public static string For(int orderId, int year) => string.Create(CultureInfo.InvariantCulture, $"VCP-{year}-{orderId:000000}");

    /// <summary>The order id in a number typed by a person (case and spaces forgiven); null when it is not one.</summary>
    public static int? TryParseId(string? text)
    {
        var match = Pattern().Match((text ?? string.Empty).Trim().ToUpperInvariant());
        return match.Success && int.TryParse(match.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }

    [GeneratedRegex(@"^VCP-\d{4}-(?<id>\d{6,9})$")]
    private static partial Regex Pattern();
}
