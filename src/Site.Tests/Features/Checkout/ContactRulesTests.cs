using VillageCraftPortal.Web.Features.Checkout;

namespace VillageCraftPortal.Site.Tests.Features.Checkout;

public sealed class ContactRulesTests
{
    [Theory]
    [InlineData("0912 345 678", "0912345678")]
    [InlineData("0912.345.678", "0912345678")]
    [InlineData("+84 912 345 678", "0912345678")]
    [InlineData("0084 3 8765 4321", "0387654321")]
    [InlineData("024 3825 1234", "02438251234")]
    [InlineData("(+84) 24 3825 1234", "02438251234")]
    [InlineData("+33 6 12 34 56 78", "+33612345678")]
    [InlineData("+1 (415) 555-0100", "+14155550100")]
    public void Vietnamese_and_international_numbers_are_accepted_in_their_stored_form(string typed, string stored) =>
        Assert.Equal(stored, ContactRules.Phone(typed));

    [Theory]
    [InlineData("912345678")]
    [InlineData("0123 456 789")]
    [InlineData("09123456789")]
    [InlineData("+0 123 456 789")]
    [InlineData("+12345")]
    [InlineData("0912-345-67a")]
    [InlineData("")]
    public void Other_phone_numbers_are_refused(string typed) => Assert.Null(ContactRules.Phone(typed));

    [Theory]
    [InlineData("0101234567", "0101234567")]
    [InlineData("0101234567-001", "0101234567-001")]
    [InlineData("0101234567 – 001", "0101234567-001")]
    [InlineData("0101234567001", "0101234567-001")]
    public void Tax_codes_have_ten_digits_or_ten_and_a_three_digit_branch(string typed, string stored) =>
        Assert.Equal(stored, ContactRules.TaxCode(typed));

    [Theory]
    [InlineData("010123456")]
    [InlineData("01012345678")]
    [InlineData("0101234567-01")]
    [InlineData("MST0101234567")]
    public void Other_tax_codes_are_refused(string typed) => Assert.Null(ContactRules.TaxCode(typed));

    [Theory]
    [InlineData("lan@example.vn", true)]
    [InlineData("lan.nguyen+shop@mail.example.com", true)]
    [InlineData("lan@example", false)]
    [InlineData("lan@", false)]
    [InlineData("Lan <lan@example.vn>", false)]
    [InlineData("lan example.vn", false)]
    public void Emails_are_single_addresses_on_a_dotted_domain(string typed, bool accepted) =>
        Assert.Equal(accepted, ContactRules.IsEmail(typed));
}
