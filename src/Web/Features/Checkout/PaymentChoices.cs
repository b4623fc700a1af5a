using Microsoft.Extensions.Options;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Payments.Stripe;
using VillageCraftPortal.Commerce.Payments.VietQr;

namespace VillageCraftPortal.Web.Features.Checkout;

/// <summary>Why a payment method cannot take this order (shown to the buyer instead of the option).</summary>
public enum PaymentRefusal
{
    None,
    CardBelowMinimum,
    CardAboveMaximum,
    CashAbroad,
    CashOverLimit,
}

/// <summary>A payment method offered for an order: available, or shown with the reason it is not.</summary>
public sealed record PaymentChoice(PaymentMethod Method, PaymentRefusal Refusal)
{
    public string Code => PaymentChoices.Code(Method);

    public bool IsAvailable => Refusal == PaymentRefusal.None;
}

/// <summary>
/// The payment methods for an order. Card appears only when Stripe is configured, bank transfer only when the
/// account is; cash on delivery only in Việt Nam and up to the configured limit; card within Stripe's per-charge range.
/// </summary>
public sealed class PaymentChoices(StripeConnection stripe, IOptions<StripeOptions> stripeOptions, BankTransfers transfers, IOptions<OrderOptions> orderOptions)
{
    public IReadOnlyList<PaymentChoice> For(long total, bool abroad)
    {
        var choices = new List<PaymentChoice>();
        if (stripe.IsAvailable)
        {
            choices.Add(new(PaymentMethod.Card, total < stripeOptions.Value.MinimumAmount ? PaymentRefusal.CardBelowMinimum
                : total > stripeOptions.Value.MaximumAmount ? PaymentRefusal.CardAboveMaximum
                : PaymentRefusal.None));
        }

        choices.Add(new(PaymentMethod.CashOnDelivery, CashOnDelivery.Check(total, abroad, orderOptions.Value) switch
        {
            CashOnDeliveryRule.NotAbroad => PaymentRefusal.CashAbroad,
            CashOnDeliveryRule.OverLimit => PaymentRefusal.CashOverLimit,
            _ => PaymentRefusal.None,
        }));
        if (transfers.IsAvailable)
        {
            choices.Add(new(PaymentMethod.BankTransfer, PaymentRefusal.None));
        }

        return choices;
    }

    public long CashOnDeliveryLimit => orderOptions.Value.CashOnDeliveryLimit;

    public long CardMinimum => stripeOptions.Value.MinimumAmount;

    public long CardMaximum => stripeOptions.Value.MaximumAmount;

    /// <summary>The form value of a method: its name ("Card", "CashOnDelivery", "BankTransfer").</summary>
    public static string Code(PaymentMethod method) => method.ToString();
}
