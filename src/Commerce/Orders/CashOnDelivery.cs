namespace VillageCraftPortal.Commerce.Orders;

public enum CashOnDeliveryRule
{
    Allowed,

    /// <summary>Couriers abroad do not collect cash for us.</summary>
    NotAbroad,

    /// <summary>The total is above <see cref="OrderOptions.CashOnDeliveryLimit"/>.</summary>
    OverLimit,
}

/// <summary>When an order may be paid in cash on delivery: in Việt Nam only, and up to a configured total.</summary>
public static class CashOnDelivery
{
    public static CashOnDeliveryRule Check(long total, bool abroad, OrderOptions options) =>
        abroad ? CashOnDeliveryRule.NotAbroad
        : total > options.CashOnDeliveryLimit ? CashOnDeliveryRule.OverLimit
        : CashOnDeliveryRule.Allowed;
}
