using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VillageCraftPortal.Commerce.Shipping;

namespace VillageCraftPortal.Site.Tests.Commerce.Shipping;

public sealed class ShippingOptionsTests
{
    [Fact]
    public void The_illustrative_rates_pass_validation()
    {
        var options = new ShippingOptions();
        options.UseIllustrativeRates();

        Assert.True(Validate(options).Succeeded);
    }

    [Theory]
    [InlineData(nameof(ShippingOptions.HanoiCourier))]
    [InlineData(nameof(ShippingOptions.Nationwide))]
    [InlineData(nameof(ShippingOptions.International))]
    public void A_method_without_bands_is_refused(string method)
    {
        var options = Illustrative();
        Bands(options, method).Clear();

        Assert.Equal([$"Shipping:{method} needs at least one weight band."], Validate(options).Failures);
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(400)]
    public void Bands_that_do_not_rise_in_weight_are_refused(int secondMax)
    {
        var options = Illustrative();
        options.Nationwide.Clear();
        options.Nationwide.AddRange([new(1_000, 30_000), new(secondMax, 40_000)]);

        Assert.Equal([$"Shipping:Nationwide:1 ({secondMax} g) must be heavier than the band before it (1000 g)."], Validate(options).Failures);
    }

    [Fact]
    public void A_negative_price_is_refused_and_a_free_band_is_not()
    {
        var options = Illustrative();
        options.International[0] = new(500, -1);
        options.HanoiCourier[0] = new(20_000, 0);

        Assert.Equal(["Shipping:International:0 has a negative price (-1)."], Validate(options).Failures);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-500)]
    public void A_band_must_cover_some_weight(int maxGrams)
    {
        var options = Illustrative();
        options.HanoiCourier[0] = new(maxGrams, 35_000);

        Assert.Equal([$"Shipping:HanoiCourier:0 must cover more than 0 g (MaxGrams is {maxGrams})."], Validate(options).Failures);
    }

    [Fact]
    public void Rates_bind_from_the_shipping_section()
    {
        using var services = Resolve(new()
        {
            ["Shipping:HanoiCourier:0:MaxGrams"] = "15000",
            ["Shipping:HanoiCourier:0:Price"] = "30000",
            ["Shipping:Nationwide:0:MaxGrams"] = "1000",
            ["Shipping:Nationwide:0:Price"] = "35000",
            ["Shipping:Nationwide:1:MaxGrams"] = "3000",
            ["Shipping:Nationwide:1:Price"] = "60000",
            ["Shipping:International:0:MaxGrams"] = "2000",
            ["Shipping:International:0:Price"] = "900000",
        });

        var rates = services.GetRequiredService<IOptions<ShippingOptions>>().Value;

        Assert.Equal([new(15_000, 30_000)], rates.HanoiCourier);
        Assert.Equal([new(1_000, 35_000), new(3_000, 60_000)], rates.Nationwide);
        Assert.Equal([new(2_000, 900_000)], rates.International);
    }

    [Fact]
    public void Without_a_shipping_section_the_illustrative_rates_apply()
    {
        using var services = Resolve([]);

        Assert.Equal(Illustrative().Nationwide, services.GetRequiredService<IOptions<ShippingOptions>>().Value.Nationwide);
    }

    [Fact]
    public void A_shipping_section_missing_a_method_fails_validation_rather_than_falling_back()
    {
        using var services = Resolve(new() { ["Shipping:Nationwide:0:MaxGrams"] = "1000", ["Shipping:Nationwide:0:Price"] = "35000" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ShippingOptions>>().Value);
        Assert.Equal(["Shipping:HanoiCourier needs at least one weight band.", "Shipping:International needs at least one weight band."], failure.Failures);
    }

    private static ShippingOptions Illustrative()
    {
        var options = new ShippingOptions();
        options.UseIllustrativeRates();
        return options;
    }

    private static List<WeightBand> Bands(ShippingOptions options, string method) => method switch
    {
        nameof(ShippingOptions.HanoiCourier) => options.HanoiCourier,
        nameof(ShippingOptions.Nationwide) => options.Nationwide,
        _ => options.International,
    };

    private static ValidateOptionsResult Validate(ShippingOptions options) => new ShippingOptionsValidator().Validate(null, options);

    private static ServiceProvider Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddShipping(configuration).BuildServiceProvider();
    }
}
