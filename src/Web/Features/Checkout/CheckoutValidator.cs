using VillageCraftPortal.Commerce.Cart;
using VillageCraftPortal.Commerce.Shipping;

namespace VillageCraftPortal.Web.Features.Checkout;

/// <summary>A problem with one field: the field's name (also its element id) and the text key of the message.</summary>
public sealed record FieldError(string Field, string Key, params object[] Args);

/// <summary>The checkout details checked: the problems, or the delivery they lead to and its price.</summary>
public sealed record CheckoutCheck(IReadOnlyList<FieldError> Errors, ShippingQuote? Quote, ShippingDestination? Destination)
{
    public bool IsValid => Errors.Count == 0 && Quote is { Succeeded: true };
}

/// <summary>
/// Checks what the buyer typed, field by field, with messages a person can act on, and prices the chosen delivery
/// for this cart with the <see cref="ShippingCalculator"/> (perishables only by pickup or the Hà Nội courier).
/// </summary>
public sealed class CheckoutValidator(ShippingCalculator shipping, Provinces provinces)
{
    private static readonly string[] VietNamNames = ["vietnam", "viet nam", "việt nam", "vn", "vietnamese"];

    public CheckoutCheck Validate(CheckoutDetails details, CartReview cart)
    {
        var errors = new List<FieldError>();
        Required(errors, nameof(details.Name), details.Name, "checkout.error.nameRequired", 200);
        if (Required(errors, nameof(details.Email), details.Email, "checkout.error.emailRequired", 254) && !ContactRules.IsEmail(details.Email!.Trim()))
        {
            errors.Add(new(nameof(details.Email), "checkout.error.emailInvalid"));
        }

        if (Required(errors, nameof(details.Phone), details.Phone, "checkout.error.phoneRequired", 32) && ContactRules.Phone(details.Phone!) is null)
        {
            errors.Add(new(nameof(details.Phone), "checkout.error.phoneInvalid"));
        }

        var method = ShippingMethodCodes.TryParse(details.Delivery, out var parsed) ? parsed : (ShippingMethod?)null;
        if (method is null)
        {
            errors.Add(new(nameof(details.Delivery), "checkout.error.deliveryRequired"));
        }

        var destination = Destination(details, method == ShippingMethod.Pickup, errors);
        var quote = method is { } m && destination is not null ? shipping.Quote(m, destination, cart.WeightGrams, cart.HasPerishable) : null;
        if (quote is { Succeeded: false })
        {
            errors.Add(new(nameof(details.Delivery), $"checkout.error.delivery.{quote.Status}"));
        }

        if (details.WantsInvoice)
        {
            Required(errors, nameof(details.CompanyName), details.CompanyName, "checkout.error.companyRequired", 300);
            if (Required(errors, nameof(details.TaxCode), details.TaxCode, "checkout.error.taxCodeRequired", 20) && ContactRules.TaxCode(details.TaxCode!) is null)
            {
                errors.Add(new(nameof(details.TaxCode), "checkout.error.taxCodeInvalid"));
            }

            Required(errors, nameof(details.CompanyAddress), details.CompanyAddress, "checkout.error.companyAddressRequired", 500);
        }

        MaxLength(errors, nameof(details.Notes), details.Notes, 2000);
        return new CheckoutCheck(errors, quote, destination);
    }

    /// <summary>Where the order goes; for a pickup no address is needed (the centre is in Hà Nội).</summary>
    private ShippingDestination? Destination(CheckoutDetails details, bool pickup, List<FieldError> errors)
    {
        var before = errors.Count;
        if (details.Destination is not (CheckoutDetails.VietNam or CheckoutDetails.Abroad))
        {
            errors.Add(new(nameof(details.Destination), "checkout.error.destinationRequired"));
            return null;
        }

        if (details.IsAbroad)
        {
            if (Required(errors, nameof(details.Country), details.Country, "checkout.error.countryRequired", 100)
                && VietNamNames.Contains(details.Country!.Trim().ToLowerInvariant()))
            {
                errors.Add(new(nameof(details.Country), "checkout.error.countryIsVietNam"));
            }

            if (!pickup)
            {
                Required(errors, nameof(details.AddressAbroad), details.AddressAbroad, "checkout.error.addressAbroadRequired", 500);
            }

            return errors.Count == before ? ShippingDestination.Abroad(details.Country!) : null;
        }

        var province = string.IsNullOrWhiteSpace(details.ProvinceCode) ? null : provinces.Find(details.ProvinceCode.Trim());
        if (!string.IsNullOrWhiteSpace(details.ProvinceCode) && province is null)
        {
            errors.Add(new(nameof(details.ProvinceCode), "checkout.error.provinceUnknown"));
        }
        else if (province is null && !pickup)
        {
            errors.Add(new(nameof(details.ProvinceCode), "checkout.error.provinceRequired"));
        }

        if (!pickup)
        {
            Required(errors, nameof(details.Ward), details.Ward, "checkout.error.wardRequired", 200);
            Required(errors, nameof(details.AddressLine), details.AddressLine, "checkout.error.addressRequired", 500);
        }
        else
        {
            MaxLength(errors, nameof(details.Ward), details.Ward, 200);
            MaxLength(errors, nameof(details.AddressLine), details.AddressLine, 500);
        }

        return errors.Count > before ? null : ShippingDestination.InProvince(province?.Code ?? Provinces.HaNoiCode);
    }

    /// <summary>Adds the "required" error when empty, the length error when too long; true when the value is usable.</summary>
    private static bool Required(List<FieldError> errors, string field, string? value, string key, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, key));
            return false;
        }

        return MaxLength(errors, field, value, maxLength);
    }

    private static bool MaxLength(List<FieldError> errors, string field, string? value, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength)
        {
            errors.Add(new(field, "checkout.error.tooLong", maxLength));
            return false;
        }

        return true;
    }
}
