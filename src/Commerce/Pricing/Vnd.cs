using System.Globalization;

namespace VillageCraftPortal.Commerce.Pricing;

/// <summary>
/// Amounts in Việt Nam đồng. The đồng has no minor unit in use (ISO 4217 lists 0 decimals), so every amount is a
/// whole number of đồng, prices include VAT, and Stripe (which treats VND as zero-decimal) receives the same number,
/// never ×100.
/// </summary>
public static class Vnd
{
    public const string CurrencyCode = "VND";

    /// <summary>"1.250.000 ₫" in Vietnamese, "₫1,250,000" in English.</summary>
    public static string Format(long amount, string culture) => culture == "en"
        ? (amount < 0 ? "-₫" : "₫") + Math.Abs(amount).ToString("#,0", CultureInfo.InvariantCulture)
        : amount.ToString("#,0", VietnameseDigits) + " ₫";

    /// <summary>The amount Stripe expects for a zero-decimal currency: the whole đồng, unchanged.</summary>
    public static long ToStripeAmount(long amount) =>
        amount >= 0 ? amount : throw new ArgumentOutOfRangeException(nameof(amount), amount, "An amount charged cannot be negative.");

    /// <summary>The VAT contained in a VAT-inclusive amount, rounded to the đồng (e.g. 8% or 10%).</summary>
    public static long VatIncluded(long grossAmount, decimal rate) =>
        (long)Math.Round(grossAmount * rate / (1 + rate), MidpointRounding.AwayFromZero);

    private static readonly NumberFormatInfo VietnameseDigits = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NegativeSign = "-" };
}
