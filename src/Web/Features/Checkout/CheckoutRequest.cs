using VillageCraftPortal.Commerce.Cart;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Shipping;

namespace VillageCraftPortal.Web.Features.Checkout;

/// <summary>
/// The order request made from checked details: lines and quantities from the cart (prices are looked up again by
/// <see cref="OrderPlacement"/>), the delivery price from the calculator, and the buyer's details in their stored form.
/// </summary>
public static class CheckoutRequest
{
    public static OrderRequest For(CheckoutDetails details, CheckoutCheck check, CartReview cart, PaymentMethod payment, string culture)
    {
        if (!check.IsValid)
        {
            throw new ArgumentException("Only checked details make an order request.", nameof(check));
        }

        var quote = check.Quote!;
        var destination = check.Destination!;
        var pickup = quote.Method == ShippingMethod.Pickup;
        var delivery = destination.IsAbroad
            ? new Delivery(ShippingMethodCodes.Code(quote.Method), quote.Price!.Value, null, null, Trimmed(details.AddressAbroad), destination.Country)
            : new Delivery(
                ShippingMethodCodes.Code(quote.Method),
                quote.Price!.Value,
                // For a pickup the address is optional: a province is kept only when the buyer chose one.
                pickup && string.IsNullOrWhiteSpace(details.ProvinceCode) ? null : destination.ProvinceCode,
                Trimmed(details.Ward),
                Trimmed(details.AddressLine),
                null);
        return new OrderRequest(
            [.. cart.Buyable.Select(l => new OrderRequestLine(l.Variant.Id, l.Quantity))],
            payment,
            new Buyer(details.Name!.Trim(), details.Email!.Trim(), ContactRules.Phone(details.Phone!)!),
            delivery,
            culture)
        {
            // Read from the catalogue in this same request and shown to the buyer, who confirmed them.
            Catalogue = [.. cart.Buyable.Select(l => l.Variant)],
            Invoice = details.WantsInvoice
                ? new CompanyInvoice(details.CompanyName!.Trim(), ContactRules.TaxCode(details.TaxCode!)!, details.CompanyAddress!.Trim())
                : null,
            Notes = Trimmed(details.Notes),
        };
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
