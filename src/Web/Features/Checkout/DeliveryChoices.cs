using VillageCraftPortal.Commerce.Cart;
using VillageCraftPortal.Commerce.Shipping;

namespace VillageCraftPortal.Web.Features.Checkout;

/// <summary>
/// The delivery methods offered for a cart, with their prices: those the <see cref="ShippingCalculator"/> accepts for
/// its weight and contents (a cart with bánh chưng gets only pickup and the Hà Nội courier). The address is not
/// known yet when the list is shown, so each method is priced for a destination it serves; the address typed is
/// checked against the chosen method afterwards.
/// </summary>
public sealed class DeliveryChoices(ShippingCalculator shipping)
{
    public IReadOnlyList<ShippingQuote> For(CartReview cart) =>
        [.. Enum.GetValues<ShippingMethod>()
            .Select(method => shipping.Quote(method, SampleDestination(method), cart.WeightGrams, cart.HasPerishable))
            .Where(q => q.Succeeded)];

    private static ShippingDestination SampleDestination(ShippingMethod method) =>
        method == ShippingMethod.International ? ShippingDestination.Abroad("—") : ShippingDestination.InProvince(Provinces.HaNoiCode);
}
