using VillageCraftPortal.Web.Backoffice;

namespace VillageCraftPortal.Site.Tests.Backoffice;

public sealed class DongInputTests
{
    [Theory]
    [InlineData("1250000", 1_250_000L)]
    [InlineData("1.250.000", 1_250_000L)]
    [InlineData("1,250,000", 1_250_000L)]
    [InlineData(" 1 250 000 ₫", 1_250_000L)]
    [InlineData("500", 500L)]
    [InlineData("0", 0L)]
    public void Whole_dong_with_thousands_separators_are_read(string typed, long expected) =>
        Assert.Equal(expected, DongInput.Read(typed).Amount);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1.5")]
    [InlineData("12,50")]
    [InlineData("1.250,000")]
    [InlineData("1.25.000")]
    [InlineData("-100")]
    [InlineData("1e6")]
    [InlineData("abc")]
    [InlineData("999999999999999999999")]
    [InlineData("100000000000")]
    public void Decimals_mixed_separators_signs_and_huge_numbers_are_refused(string? typed) =>
        Assert.Null(DongInput.Read(typed).Amount);
}
