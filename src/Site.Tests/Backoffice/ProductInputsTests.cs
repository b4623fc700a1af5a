using VillageCraftPortal.Web.Backoffice.Products;

namespace VillageCraftPortal.Site.Tests.Backoffice;

/// <summary>How typed prices and SKUs are read: thousands separators are fine, decimals and guesses are not.</summary>
public sealed class ProductInputsTests
{
    [Theory]
    [InlineData("1250000", 1_250_000)]
    [InlineData("1.250.000", 1_250_000)]
    [InlineData("1,250,000", 1_250_000)]
    [InlineData("1 250 000", 1_250_000)]
    [InlineData(" 450.000 ₫ ", 450_000)]
    [InlineData("450000đ", 450_000)]
    [InlineData("99.999.999", 99_999_999)]
    [InlineData("1", 1)]
    public void Whole_dong_with_thousands_separators_are_read(string typed, long expected)
    {
        var (amount, problem) = ProductInputs.Dong(typed, required: true);

        Assert.Equal(((long?)expected, (string?)null), (amount, problem));
    }

    [Theory]
    [InlineData("", "bo.products.error.priceRequired")]
    [InlineData("abc", "bo.products.error.priceFormat")]
    [InlineData("12,5", "bo.products.error.priceDecimal")]
    [InlineData("1.250,50", "bo.products.error.priceDecimal")]
    [InlineData("1.2345", "bo.products.error.priceDecimal")]
    [InlineData("1,250.000", "bo.products.error.priceFormat")]
    [InlineData("1.25.000", "bo.products.error.priceFormat")]
    [InlineData("-5000", "bo.products.error.priceFormat")]
    [InlineData("0", "bo.products.error.priceRange")]
    [InlineData("100.000.000", "bo.products.error.priceRange")]
    [InlineData("99999999999999999999", "bo.products.error.priceRange")]
    public void Anything_else_is_refused_with_its_reason(string typed, string expected)
    {
        var (amount, problem) = ProductInputs.Dong(typed, required: true);

        Assert.Equal(((long?)null, expected), (amount, problem));
    }

    [Fact]
    public void An_empty_optional_price_is_no_price()
    {
        Assert.Equal(((long?)null, (string?)null), ProductInputs.Dong("  ", required: false));
    }

    [Theory]
    [InlineData(" bt-tea-01-s ", "BT-TEA-01-S")]
    [InlineData("VP2026", "VP2026")]
    public void Skus_are_trimmed_and_capitalised(string typed, string expected)
    {
        Assert.Equal((expected, (string?)null), ProductInputs.Sku(typed));
    }

    [Theory]
    [InlineData("", "bo.products.error.skuRequired")]
    [InlineData("BT TEA 01", "bo.products.error.skuFormat")]
    [InlineData("BÁT-TRÀNG-01", "bo.products.error.skuFormat")]
    [InlineData("đ-01", "bo.products.error.skuFormat")]
    [InlineData("BT--01", "bo.products.error.skuFormat")]
    [InlineData("-BT", "bo.products.error.skuFormat")]
    [InlineData("BT_01", "bo.products.error.skuFormat")]
    public void Skus_with_spaces_accents_or_stray_hyphens_are_refused(string typed, string expected)
    {
        Assert.Equal(expected, ProductInputs.Sku(typed).Problem);
    }

    [Fact]
    public void A_sku_is_at_most_64_characters()
    {
        Assert.Null(ProductInputs.Sku(new string('A', 64)).Problem);
        Assert.Equal("bo.products.error.skuTooLong", ProductInputs.Sku(new string('A', 65)).Problem);
    }
}
