namespace VillageCraftPortal.Commerce.Shipping;

/// <summary>How an order reaches the customer, in the order the checkout offers them.</summary>
public enum ShippingMethod
{
    /// <summary>Collected at the design centre: free, any weight, anywhere the customer lives.</summary>
    Pickup,

    /// <summary>Our courier within Hà Nội: one flat rate up to what a motorbike carries.</summary>
    HanoiCourier,

    /// <summary>A carrier to any province, priced by weight band.</summary>
    Nationwide,

    /// <summary>A carrier to an address abroad, priced by weight band.</summary>
    International,
}
