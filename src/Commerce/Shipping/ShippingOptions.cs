namespace VillageCraftPortal.Commerce.Shipping;

/// <summary>A price for parcels up to a weight: the first band whose maximum is at least the parcel's weight applies.</summary>
/// <param name="MaxGrams">The heaviest parcel, in grams, this band covers (inclusive).</param>
/// <param name="Price">Whole đồng, VAT included.</param>
public sealed record WeightBand(int MaxGrams, long Price);

/// <summary>
/// Shipping rates, from the "Shipping" configuration section: weight bands per method, lightest first.
/// Pickup is always free and has no bands; Hà Nội courier is a flat rate, i.e. a single band.
/// </summary>
public sealed class ShippingOptions
{
    public const string SectionName = "Shipping";

    public List<WeightBand> HanoiCourier { get; } = [];

    public List<WeightBand> Nationwide { get; } = [];

    public List<WeightBand> International { get; } = [];

    /// <summary>The methods priced by band, with their configuration names.</summary>
    public IEnumerable<(ShippingMethod Method, string Name, IReadOnlyList<WeightBand> Bands)> BandedMethods()
    {
        yield return (ShippingMethod.HanoiCourier, nameof(HanoiCourier), HanoiCourier);
        yield return (ShippingMethod.Nationwide, nameof(Nationwide), Nationwide);
        yield return (ShippingMethod.International, nameof(International), International);
    }

    public IReadOnlyList<WeightBand> BandsFor(ShippingMethod method) => method switch
    {
        ShippingMethod.HanoiCourier => HanoiCourier,
        ShippingMethod.Nationwide => Nationwide,
        ShippingMethod.International => International,
        _ => [],
    };

    /// <summary>
    /// ILLUSTRATIVE rates for development and demos, not a carrier's tariff: they are used only when configuration
    /// has no "Shipping" section at all. Production sets its own bands.
    /// </summary>
    public void UseIllustrativeRates()
    {
        HanoiCourier.Clear();
        HanoiCourier.Add(new(20_000, 35_000));
        Nationwide.Clear();
        Nationwide.AddRange([new(500, 30_000), new(1_000, 40_000), new(2_000, 55_000), new(5_000, 90_000), new(10_000, 150_000), new(20_000, 250_000)]);
        International.Clear();
        International.AddRange([new(500, 450_000), new(1_000, 700_000), new(2_000, 1_100_000), new(5_000, 2_200_000), new(10_000, 3_900_000)]);
    }
}
