using System.Globalization;
using System.Text;

namespace VillageCraftPortal.Commerce.Payments.VietQr;

/// <summary>
/// What the transfer content (tag 62, sub-tag 08) and bill number (sub-tag 01) may hold: A–Z, 0–9, space and '-',
/// at most 25 characters. Lower case, diacritics and other symbols are refused, never silently changed: banks
/// display, truncate and upper-case free text differently, and the reference must come back on the statement exactly
/// as we wrote it so the order can be matched. Upper case also keeps the QR symbol in the compact alphanumeric mode.
/// Callers holding free text (a customer's name, a note) can pass it through <see cref="Normalize"/> first.
/// </summary>
public static class VietQrReference
{
    public const int MaxLength = 25;

    public static bool HasOnlyAllowedCharacters(string text)
    {
        foreach (var c in text)
        {
            if (!IsAllowed(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Free text made acceptable: diacritics stripped ("Đơn hàng" → "DON HANG"), upper-cased, any other character
    /// turned into a space, runs of spaces collapsed. Never truncates: a result over 25 characters is still refused.
    /// </summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            // Đ/đ is a letter of its own in Unicode, not D with a combining mark.
            var upper = c is 'đ' or 'Đ' ? 'D' : char.ToUpperInvariant(c);
            var kept = IsAllowed(upper) ? upper : ' ';
            if (kept != ' ' || (result.Length > 0 && result[^1] != ' '))
            {
                result.Append(kept);
            }
        }
        return result.ToString().TrimEnd();
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is ' ' or '-';
}
