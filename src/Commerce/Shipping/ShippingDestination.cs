namespace VillageCraftPortal.Commerce.Shipping;

/// <summary>Where an order goes: a province of Việt Nam by its code, or a country abroad as the customer wrote it.</summary>
public sealed record ShippingDestination
{
    private ShippingDestination(string? provinceCode, string? country)
    {
        ProvinceCode = provinceCode;
        Country = country;
    }

    public string? ProvinceCode { get; }

    public string? Country { get; }

    public bool IsAbroad => Country is not null;

    public static ShippingDestination InProvince(string provinceCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provinceCode);
        return new(provinceCode, null);
    }

    /// <summary>An address outside Việt Nam; the checkout form has already required a country.</summary>
    public static ShippingDestination Abroad(string country)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(country);
        return new(null, country.Trim());
    }
}
