using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Payments.Stripe;
using VillageCraftPortal.Commerce.Shipping;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Features.Checkout;
using VillageCraftPortal.Web.Shared;
using CartPage = VillageCraftPortal.Web.Features.Cart.IndexModel;

namespace VillageCraftPortal.Site.Tests.Features.Checkout;

/// <summary>The cart and checkout texts that the pages build from names exist in both languages.</summary>
public sealed class CheckoutTextsTests
{
    private readonly UiTexts _texts = new();

    public static IEnumerable<string> KeysBuiltFromNames()
    {
        foreach (var status in CartPage.Statuses)
        {
            yield return $"cart.status.{status}";
        }

        foreach (var method in Enum.GetValues<ShippingMethod>().Select(ShippingMethodCodes.Code))
        {
            yield return $"checkout.delivery.{method}";
            yield return $"checkout.delivery.{method}.hint";
        }

        foreach (var payment in Enum.GetValues<PaymentMethod>().Select(PaymentChoices.Code))
        {
            yield return $"checkout.payment.{payment}";
            yield return $"checkout.payment.{payment}.hint";
        }

        foreach (var status in Enum.GetValues<ShippingQuoteStatus>().Where(s => s != ShippingQuoteStatus.Priced))
        {
            yield return $"checkout.error.delivery.{status}";
        }

        foreach (var refusal in Enum.GetValues<PaymentRefusal>().Where(r => r != PaymentRefusal.None))
        {
            yield return $"checkout.error.payment.{refusal}";
        }

        foreach (var status in Enum.GetValues<CardCheckoutStatus>().Where(s => s != CardCheckoutStatus.Started))
        {
            yield return $"checkout.error.card.{status}";
        }

        foreach (var status in Enum.GetValues<AbandonStatus>())
        {
            yield return $"checkout.abandon.{status}";
        }

        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            yield return $"checkout.status.{status}";
        }

        // The delivery choice is labelled by its section's heading.
        foreach (var field in typeof(CheckoutDetails).GetProperties().Where(p => p.CanWrite && p.Name != nameof(CheckoutDetails.Delivery)))
        {
            yield return $"checkout.field.{field.Name}";
        }

        for (var step = 1; step <= 3; step++)
        {
            yield return $"checkout.steps.{step}";
        }
    }

    [Fact]
    public void Every_key_built_from_a_name_has_a_text_in_both_languages()
    {
        var missing = KeysBuiltFromNames()
            .SelectMany(key => Cultures.All.Where(c => !_texts.All(c).ContainsKey(key)).Select(c => $"{key} ({c})"))
            .ToList();

        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }
}
