using System.Text.Json;

namespace VillageCraftPortal.Web.Features.Checkout;

/// <summary>
/// What the buyer types into the checkout, exactly as typed (so a form shown again after an error keeps it). It is
/// kept with the cart as JSON between the steps; it is normalised only when the order is placed.
/// </summary>
public sealed class CheckoutDetails
{
    public const string VietNam = "vn";
    public const string Abroad = "abroad";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    /// <summary><see cref="VietNam"/> or <see cref="Abroad"/>.</summary>
    public string? Destination { get; set; } = VietNam;

    public string? ProvinceCode { get; set; }

    public string? Ward { get; set; }

    public string? AddressLine { get; set; }

    public string? Country { get; set; }

    public string? AddressAbroad { get; set; }

    /// <summary>A delivery method code (see ShippingMethodCodes).</summary>
    public string? Delivery { get; set; }

    public bool WantsInvoice { get; set; }

    public string? CompanyName { get; set; }

    public string? TaxCode { get; set; }

    public string? CompanyAddress { get; set; }

    public string? Notes { get; set; }

    public bool IsAbroad => Destination == Abroad;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The saved details, or empty ones when there are none (or they cannot be read any more).</summary>
    public static CheckoutDetails FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return new CheckoutDetails();
        }

        try
        {
            return JsonSerializer.Deserialize<CheckoutDetails>(json, Json) ?? new CheckoutDetails();
        }
        catch (JsonException)
        {
            return new CheckoutDetails();
        }
    }
}
