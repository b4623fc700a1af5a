namespace VillageCraftPortal.Commerce.Shipping;

public enum ShippingQuoteStatus
{
    Priced,

    /// <summary>The province code is not one of the 34 units (e.g. a pre-2025 province).</summary>
    UnknownProvince,

    /// <summary>The Hà Nội courier delivers only to Hà Nội addresses.</summary>
    OnlyWithinHaNoi,

    /// <summary>Nationwide delivery is for addresses in Việt Nam.</summary>
    OnlyWithinVietNam,

    /// <summary>International delivery is for addresses abroad.</summary>
    OnlyAbroad,

    /// <summary>Perishable goods (bánh chưng) travel only by pickup or the Hà Nội courier.</summary>
    PerishableNotShippedThisWay,

    /// <summary>The parcel is heavier than the method's heaviest band.</summary>
    OverHeaviestBand,
}

/// <summary>The price of sending an order by one method, or why that method cannot take it.</summary>
public sealed record ShippingQuote(ShippingMethod Method, ShippingQuoteStatus Status, long? Price)
{
    public bool Succeeded => Status == ShippingQuoteStatus.Priced;

    public static ShippingQuote Priced(ShippingMethod method, long price) => new(method, ShippingQuoteStatus.Priced, price);

    public static ShippingQuote Refused(ShippingMethod method, ShippingQuoteStatus status) => new(method, status, null);
}
