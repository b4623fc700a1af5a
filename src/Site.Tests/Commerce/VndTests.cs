using VillageCraftPortal.Commerce.Pricing;

namespace VillageCraftPortal.Site.Tests.Commerce;

public sealed class VndTests
{
    [Theory]
    [InlineData(1_250_000, "vi", "1.250.000 ₫")]
    [InlineData(1_250_000, "en", "₫1,250,000")]
    [InlineData(0, "vi", "0 ₫")]
    [InlineData(999, "en", "₫999")]
    [InlineData(-45_000, "vi", "-45.000 ₫")]
    [InlineData(-45_000, "en", "-₫45,000")]
    public void Prices_read_as_people_in_each_language_expect(long amount, string culture, string expected) =>
        Assert.Equal(expected, Vnd.Format(amount, culture));

    [Theory]
    [InlineData(1_250_000)]
    [InlineData(15_000)]
    [InlineData(1)]
    public void Stripe_gets_whole_dong_never_times_a_hundred(long amount) =>
        Assert.Equal(amount, Vnd.ToStripeAmount(amount));

    [Fact]
    public void A_negative_charge_is_a_bug() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Vnd.ToStripeAmount(-1));

    [Theory]
    [InlineData(1_080_000, 0.08, 80_000)]
    [InlineData(1_100_000, 0.10, 100_000)]
    [InlineData(99_999, 0.10, 9_091)]
    public void The_VAT_inside_a_price_is_rounded_to_the_dong(long gross, double rate, long vat) =>
        Assert.Equal(vat, Vnd.VatIncluded(gross, (decimal)rate));
}
