namespace VillageCraftPortal.Commerce.Shipping;

/// <summary>
/// The stable codes of the delivery methods, as forms send them and orders store them (Order.DeliveryMethod):
/// "pickup", "hanoi-courier", "nationwide", "international".
/// </summary>
public static class ShippingMethodCodes
{
    public static string Code(ShippingMethod method) => method switch
    {
        ShippingMethod.Pickup => "pickup",
        ShippingMethod.HanoiCourier => "hanoi-courier",
        ShippingMethod.Nationwide => "nationwide",
        ShippingMethod.International => "international",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not a delivery method."),
    };

    public static bool TryParse(string? code, out ShippingMethod method)
    {
        foreach (var candidate in Enum.GetValues<ShippingMethod>())
        {
            if (string.Equals(Code(candidate), code, StringComparison.Ordinal))
            {
                method = candidate;
                return true;
            }
        }

        method = default;
        return false;
    }
}
