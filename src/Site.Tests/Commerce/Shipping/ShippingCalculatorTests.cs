using Microsoft.Extensions.Options;
using VillageCraftPortal.Commerce.Shipping;

namespace VillageCraftPortal.Site.Tests.Commerce.Shipping;

public sealed class ShippingCalculatorTests
{
    private static readonly ShippingDestination HaNoi = ShippingDestination.InProvince("ha-noi");
    private static readonly ShippingDestination DaNang = ShippingDestination.InProvince("da-nang");
    private static readonly ShippingDestination Japan = ShippingDestination.Abroad("Japan");

    // Rates of the tests' own, so a change to the illustrative defaults cannot move these boundaries.
    private readonly ShippingCalculator _calculator = Calculator(options =>
    {
        options.HanoiCourier.Add(new(20_000, 35_000));
        options.Nationwide.AddRange([new(500, 30_000), new(1_000, 40_000), new(5_000, 90_000)]);
        options.International.AddRange([new(1_000, 700_000), new(2_000, 1_100_000)]);
    });

    [Theory]
    [InlineData(0, 30_000)]
    [InlineData(1, 30_000)]
    [InlineData(500, 30_000)]
    [InlineData(501, 40_000)]
    [InlineData(1_000, 40_000)]
    [InlineData(1_001, 90_000)]
    [InlineData(5_000, 90_000)]
    public void Nationwide_takes_the_first_band_that_covers_the_weight(int grams, long price) =>
        Assert.Equal(ShippingQuote.Priced(ShippingMethod.Nationwide, price), _calculator.Quote(ShippingMethod.Nationwide, DaNang, grams, perishable: false));

    [Theory]
    [InlineData(0, 700_000)]
    [InlineData(1_000, 700_000)]
    [InlineData(1_001, 1_100_000)]
    [InlineData(2_000, 1_100_000)]
    public void International_takes_the_first_band_that_covers_the_weight(int grams, long price) =>
        Assert.Equal(ShippingQuote.Priced(ShippingMethod.International, price), _calculator.Quote(ShippingMethod.International, Japan, grams, perishable: false));

    [Theory]
    [InlineData(0)]
    [InlineData(20_000)]
    public void The_ha_noi_courier_is_one_flat_rate_up_to_its_limit(int grams) =>
        Assert.Equal(ShippingQuote.Priced(ShippingMethod.HanoiCourier, 35_000), _calculator.Quote(ShippingMethod.HanoiCourier, HaNoi, grams, perishable: true));

    [Theory]
    [InlineData(ShippingMethod.HanoiCourier, "ha-noi", 20_001)]
    [InlineData(ShippingMethod.Nationwide, "da-nang", 5_001)]
    [InlineData(ShippingMethod.International, null, 2_001)]
    public void One_gram_over_the_heaviest_band_is_refused(ShippingMethod method, string? province, int grams) =>
        Assert.Equal(
            ShippingQuote.Refused(method, ShippingQuoteStatus.OverHeaviestBand),
            _calculator.Quote(method, province is null ? Japan : ShippingDestination.InProvince(province), grams, perishable: false));

    [Theory]
    [InlineData("ha-noi", 0, false)]
    [InlineData("da-nang", 100_000, true)]
    [InlineData(null, 3_000, true)]
    public void Pickup_at_the_centre_is_free_whatever_the_weight_or_destination(string? province, int grams, bool perishable) =>
        Assert.Equal(
            ShippingQuote.Priced(ShippingMethod.Pickup, 0),
            _calculator.Quote(ShippingMethod.Pickup, province is null ? Japan : ShippingDestination.InProvince(province), grams, perishable));

    [Fact]
    public void The_ha_noi_courier_refuses_other_provinces_and_abroad()
    {
        Assert.Equal(ShippingQuoteStatus.OnlyWithinHaNoi, _calculator.Quote(ShippingMethod.HanoiCourier, DaNang, 1_000, perishable: false).Status);
        Assert.Equal(ShippingQuoteStatus.OnlyWithinHaNoi, _calculator.Quote(ShippingMethod.HanoiCourier, Japan, 1_000, perishable: false).Status);
    }

    [Fact]
    public void Nationwide_is_for_viet_nam_and_international_for_abroad()
    {
        Assert.Equal(ShippingQuoteStatus.OnlyWithinVietNam, _calculator.Quote(ShippingMethod.Nationwide, Japan, 1_000, perishable: false).Status);
        Assert.Equal(ShippingQuoteStatus.OnlyAbroad, _calculator.Quote(ShippingMethod.International, HaNoi, 1_000, perishable: false).Status);
    }

    [Fact]
    public void Banh_chung_is_not_sent_by_carrier()
    {
        Assert.Equal(ShippingQuoteStatus.PerishableNotShippedThisWay, _calculator.Quote(ShippingMethod.Nationwide, HaNoi, 1_000, perishable: true).Status);
        Assert.Equal(ShippingQuoteStatus.PerishableNotShippedThisWay, _calculator.Quote(ShippingMethod.International, Japan, 1_000, perishable: true).Status);
    }

    [Theory]
    [InlineData(ShippingMethod.Pickup)]
    [InlineData(ShippingMethod.HanoiCourier)]
    [InlineData(ShippingMethod.Nationwide)]
    public void A_province_we_do_not_know_is_refused_by_every_method(ShippingMethod method) =>
        Assert.Equal(
            ShippingQuote.Refused(method, ShippingQuoteStatus.UnknownProvince),
            _calculator.Quote(method, ShippingDestination.InProvince("binh-duong"), 1_000, perishable: false));

    [Fact]
    public void A_negative_weight_is_a_bug() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _calculator.Quote(ShippingMethod.Nationwide, DaNang, -1, perishable: false));

    [Fact]
    public void A_destination_abroad_needs_a_country() =>
        Assert.Throws<ArgumentException>(() => ShippingDestination.Abroad("  "));

    [Fact]
    public void In_ha_noi_banh_chung_can_be_collected_or_brought_by_courier() =>
        Assert.Equal(
            [ShippingQuote.Priced(ShippingMethod.Pickup, 0), ShippingQuote.Priced(ShippingMethod.HanoiCourier, 35_000)],
            _calculator.AvailableMethods(HaNoi, 1_000, perishable: true));

    [Fact]
    public void In_ha_noi_crafts_can_also_go_nationwide() =>
        Assert.Equal(
            [ShippingMethod.Pickup, ShippingMethod.HanoiCourier, ShippingMethod.Nationwide],
            _calculator.AvailableMethods(HaNoi, 1_000, perishable: false).Select(q => q.Method));

    [Fact]
    public void Elsewhere_in_viet_nam_and_abroad_the_carrier_of_the_region_is_offered()
    {
        Assert.Equal(
            [ShippingQuote.Priced(ShippingMethod.Pickup, 0), ShippingQuote.Priced(ShippingMethod.Nationwide, 40_000)],
            _calculator.AvailableMethods(DaNang, 800, perishable: false));
        Assert.Equal(
            [ShippingQuote.Priced(ShippingMethod.Pickup, 0), ShippingQuote.Priced(ShippingMethod.International, 1_100_000)],
            _calculator.AvailableMethods(Japan, 1_500, perishable: false));
    }

    [Fact]
    public void An_order_too_heavy_for_every_carrier_can_still_be_collected() =>
        Assert.Equal([ShippingMethod.Pickup], _calculator.AvailableMethods(DaNang, 5_001, perishable: false).Select(q => q.Method));

    [Fact]
    public void Nothing_is_offered_to_an_unknown_province() =>
        Assert.Empty(_calculator.AvailableMethods(ShippingDestination.InProvince("ha-tay"), 1_000, perishable: false));

    private static ShippingCalculator Calculator(Action<ShippingOptions> configure)
    {
        var options = new ShippingOptions();
        configure(options);
        return new ShippingCalculator(Options.Create(options), Provinces.Current);
    }
}
