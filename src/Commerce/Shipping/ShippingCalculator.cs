using Microsoft.Extensions.Options;

namespace VillageCraftPortal.Commerce.Shipping;

/// <summary>Prices delivery of an order by method, destination, total weight and whether it holds perishable goods.</summary>
public sealed class ShippingCalculator(IOptions<ShippingOptions> options, Provinces provinces)
{
    public ShippingQuote Quote(ShippingMethod method, ShippingDestination destination, int totalWeightGrams, bool perishable)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalWeightGrams);
        Province? province = null;
        if (!destination.IsAbroad && (province = provinces.Find(destination.ProvinceCode!)) is null)
        {
            return ShippingQuote.Refused(method, ShippingQuoteStatus.UnknownProvince);
        }
        var refusal = method switch
        {
            ShippingMethod.HanoiCourier when province?.Code != Provinces.HaNoiCode => ShippingQuoteStatus.OnlyWithinHaNoi,
            ShippingMethod.Nationwide when destination.IsAbroad => ShippingQuoteStatus.OnlyWithinVietNam,
            ShippingMethod.International when !destination.IsAbroad => ShippingQuoteStatus.OnlyAbroad,
            ShippingMethod.Nationwide or ShippingMethod.International when perishable => ShippingQuoteStatus.PerishableNotShippedThisWay,
            _ => ShippingQuoteStatus.Priced,
        };
        if (refusal != ShippingQuoteStatus.Priced)
        {
            return ShippingQuote.Refused(method, refusal);
        }
        if (method == ShippingMethod.Pickup)
        {
            return ShippingQuote.Priced(method, 0);
        }
        var band = options.Value.BandsFor(method).FirstOrDefault(b => totalWeightGrams <= b.MaxGrams);
        return band is null ? ShippingQuote.Refused(method, ShippingQuoteStatus.OverHeaviestBand) : ShippingQuote.Priced(method, band.Price);
    }

    /// <summary>The methods that can take this order, with their prices, in checkout order.</summary>
    public IReadOnlyList<ShippingQuote> AvailableMethods(ShippingDestination destination, int totalWeightGrams, bool perishable) =>
        [.. Enum.GetValues<ShippingMethod>().Select(m => Quote(m, destination, totalWeightGrams, perishable)).Where(q => q.Succeeded)];
}
