using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Site.Tests.Features;

public sealed class FormatsTests
{
    [Theory]
    [InlineData(1_250_000, "vi", "1.250.000 ₫")]
    [InlineData(1_250_000, "en", "₫1,250,000")]
    [InlineData(0, "vi", "0 ₫")]
    [InlineData(999, "en", "₫999")]
    public void Prices_read_as_each_culture_expects_in_whole_dong(long amount, string culture, string expected) =>
        Assert.Equal(expected, Formats.Vnd(amount, culture));

    [Theory]
    [InlineData(90, "vi", "1 giờ 30 phút")]
    [InlineData(120, "en", "2 h")]
    [InlineData(45, "en", "45 min")]
    public void Durations_are_localised(long minutes, string culture, string expected) =>
        Assert.Equal(expected, Formats.Duration(minutes, culture));

    [Fact]
    public void Dates_are_localised() =>
        Assert.Equal("6 tháng 2, 2027", Formats.Date(new DateOnly(2027, 2, 6), "vi"));

    [Theory]
    [InlineData(null, "vi")]
    [InlineData("en-US,en;q=0.9", "en")]
    [InlineData("fr-FR,en;q=0.5,vi;q=0.8", "vi")]
    [InlineData("fr-FR,en;q=0.5", "en")]
    [InlineData("de", "vi")]
    [InlineData("en;q=abc", "en")]
    public void The_root_redirects_to_the_preferred_supported_language(string? header, string expected) =>
        Assert.Equal(expected, SiteCulture.FromAcceptLanguage(header));
}
