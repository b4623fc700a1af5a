namespace VillageCraftPortal.Commerce.Payments.Stripe;

/// <summary>
/// Card payments through Stripe Checkout. Without a secret key the card option is hidden and the shop takes cash on
/// delivery and bank transfers. Keys come only from the environment or user secrets (Stripe__SecretKey=…).
/// </summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    public string? SecretKey { get; set; }

    public string? WebhookSecret { get; set; }

    /// <summary>Stripe's API address; tests point it at a local Stripe-compatible server.</summary>
    public string? ApiBase { get; set; }

    /// <summary>Signed events older than this are refused (replays).</summary>
    public int WebhookToleranceSeconds { get; set; } = 300;

    /// <summary>
    /// Stripe refuses charges under about USD 0.50; in đồng that depends on the exchange rate, so it is a setting
    /// (13,000 ₫ ≈ USD 0.50 at 26,000 ₫/USD).
    /// </summary>
    public long MinimumAmount { get; set; } = 13_000;

    /// <summary>Stripe's largest amount per charge is eight digits of the currency's unit.</summary>
    public long MaximumAmount { get; set; } = 99_999_999;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey) && !string.IsNullOrWhiteSpace(WebhookSecret);
}
