using System.Net.Mail;
using System.Text.RegularExpressions;

namespace VillageCraftPortal.Web.Features.Checkout;

/// <summary>The formats the checkout accepts for email, phone and Vietnamese tax code, and their stored forms.</summary>
public static partial class ContactRules
{
    /// <summary>One address, no display name, with a dotted domain (what a person means by "my email").</summary>
    public static bool IsEmail(string email) =>
        email.Length <= 254
        && MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.EndsWith('.');

    /// <summary>
    /// The phone number in the form we store, or null when it is not one: Vietnamese mobiles (0912 345 678) and
    /// landlines (024 3825 1234), also written +84…, keep the national form 0…; other countries need + and 7–15
    /// digits (E.164). Spaces, dots, dashes and brackets are allowed while typing.
    /// </summary>
    public static string? Phone(string phone)
    {
        var compact = PhoneSeparators().Replace(phone, string.Empty);
        if (compact.StartsWith("00", StringComparison.Ordinal))
        {
            compact = "+" + compact[2..];
        }

        if (compact.StartsWith("+84", StringComparison.Ordinal))
        {
            compact = "0" + compact[3..];
        }

        return VietnameseMobile().IsMatch(compact) || VietnameseLandline().IsMatch(compact) || International().IsMatch(compact) ? compact : null;
    }

    /// <summary>A Vietnamese tax code (mã số thuế): 10 digits, or 10 digits, a dash and 3 for a branch; null otherwise.</summary>
    public static string? TaxCode(string taxCode)
    {
        var compact = Spaces().Replace(taxCode, string.Empty).Replace('–', '-');
        if (compact.Length == 13 && compact.All(char.IsAsciiDigit))
        {
            compact = compact[..10] + "-" + compact[10..];
        }

        return TaxCodePattern().IsMatch(compact) ? compact : null;
    }

    [GeneratedRegex(@"[\s.()\-]", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneSeparators();

    [GeneratedRegex(@"\s", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^0[35789]\d{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex VietnameseMobile();

    [GeneratedRegex(@"^02\d{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex VietnameseLandline();

    [GeneratedRegex(@"^\+[1-9]\d{6,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex International();

    [GeneratedRegex(@"^\d{10}(-\d{3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex TaxCodePattern();
}
