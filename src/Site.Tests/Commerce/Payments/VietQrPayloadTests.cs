using VillageCraftPortal.Commerce.Payments.VietQr;

namespace VillageCraftPortal.Site.Tests.Commerce.Payments;

public sealed class VietQrPayloadTests
{
    // Published by a third party: README of github.com/duyquoc1508/napas-qr (README.md at commit
    // 1fa83989fa7431bdaabdb13084a76c687909d3dd), output of its generateQRContent for bin 970416, account 224528479,
    // amount 10000, orderId NPS6869, description "TRANSFER TO SOMEONE".
    private const string NapasQrReadmePayload =
        "00020101021238530010A0000007270123000697041601092245284790208QRIBFTTA53037045405100005802VN62340107NPS68690819TRANSFER TO SOMEONE6304AC13";

    // Published by a third party: README of github.com/subiz/vietqr (README.md at commit
    // 8da5679a6a8e91b8e4815239d6ddfd5d8856e738), vietqr.Generate(120000, "970415", "0011001932418", "ủng hộ lũ lụt").
    // Its content is lower case, which our reference policy refuses, so only its CRC and the other fields are compared.
    private const string SubizReadmePayload =
        "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C";

    [Fact]
    public void The_crc_is_the_standard_ccitt_false_check_value() =>
        Assert.Equal(0x29B1, Crc16CcittFalse.Compute("123456789"u8));

    [Theory]
    [InlineData(NapasQrReadmePayload)]
    [InlineData(SubizReadmePayload)]
    public void Our_crc_matches_the_crc_published_with_third_party_payloads(string published) =>
        Assert.Equal(published[^4..], Crc16CcittFalse.ComputeHex(published[..^4]));

    [Fact]
    public void The_napas_qr_readme_payload_is_rebuilt_byte_for_byte()
    {
        var result = VietQrPayload.Create(new VietQrTransfer("970416", "224528479", 10_000, "TRANSFER TO SOMEONE", BillNumber: "NPS6869"));

        Assert.True(result.Succeeded, string.Join(", ", result.Problems));
        Assert.Equal(NapasQrReadmePayload, result.Payload!.Text);
    }

    [Fact]
    public void The_subiz_readme_payload_is_rebuilt_up_to_the_content_our_policy_upper_cases()
    {
        var ours = VietQrPayload.Create(new VietQrTransfer("970415", "0011001932418", 120_000, VietQrReference.Normalize("ủng hộ lũ lụt"))).Payload!.Text;

        var tag62 = SubizReadmePayload.IndexOf("5802VN62", StringComparison.Ordinal) + 6;
        Assert.Equal(SubizReadmePayload[..tag62], ours[..tag62]);
        Assert.Equal("62170813UNG HO LU LUT6304", ours[tag62..^4]);
        Assert.Equal(Crc16CcittFalse.ComputeHex(ours[..^4]), ours[^4..]);
    }

    [Fact]
    public void An_order_payment_is_dynamic_in_dong_to_an_account_with_the_order_number_as_content()
    {
        var text = VietQrPayload.Create(new VietQrTransfer("970436", "1023456789", 1_250_000, "VCP-2026-000123")).Payload!.Text;

        Assert.Equal(
            "000201" + "010212" + "38540010A00000072701240006970436011010234567890208QRIBFTTA" + "5303704" + "54071250000"
            + "5802VN" + "62190815VCP-2026-000123" + "6304" + Crc16CcittFalse.ComputeHex(text[..^4]),
            text);
    }

    [Theory]
    [InlineData("97043", VietQrProblem.BankBinNotSixDigits)]
    [InlineData("9704366", VietQrProblem.BankBinNotSixDigits)]
    [InlineData("97O436", VietQrProblem.BankBinNotSixDigits)]
    [InlineData("٩٧٠٤٣٦", VietQrProblem.BankBinNotSixDigits)]
    public void A_bin_that_is_not_six_ascii_digits_is_refused(string bin, VietQrProblem problem) =>
        Assert.Equal([problem], Refusal(Valid with { BankBin = bin }));

    [Theory]
    [InlineData("", VietQrProblem.AccountNumberMissing)]
    [InlineData("12345678901234567890", VietQrProblem.AccountNumberTooLong)]
    [InlineData("1023 456789", VietQrProblem.AccountNumberHasInvalidCharacters)]
    [InlineData("vqr123", VietQrProblem.AccountNumberHasInvalidCharacters)]
    public void An_empty_long_or_odd_account_number_is_refused(string account, VietQrProblem problem) =>
        Assert.Equal([problem], Refusal(Valid with { AccountNumber = account }));

    [Theory]
    [InlineData("1234567890123456789")]
    [InlineData("VQRQADAIJ5512")]
    public void Accounts_of_nineteen_characters_and_virtual_accounts_with_letters_are_accepted(string account) =>
        Assert.True(VietQrPayload.Create(Valid with { AccountNumber = account }).Succeeded);

    [Theory]
    [InlineData(0, VietQrProblem.AmountNotPositive)]
    [InlineData(-45_000, VietQrProblem.AmountNotPositive)]
    [InlineData(10_000_000_000_000, VietQrProblem.AmountTooManyDigits)]
    public void An_amount_not_between_one_dong_and_thirteen_digits_is_refused(long amount, VietQrProblem problem) =>
        Assert.Equal([problem], Refusal(Valid with { Amount = amount }));

    [Fact]
    public void The_largest_thirteen_digit_amount_is_accepted() =>
        Assert.Contains("54139999999999999", VietQrPayload.Create(Valid with { Amount = 9_999_999_999_999 }).Payload!.Text, StringComparison.Ordinal);

    [Theory]
    [InlineData("", VietQrProblem.ReferenceMissing)]
    [InlineData("   ", VietQrProblem.ReferenceMissing)]
    [InlineData("VCP-2026-000123-THANH-TOAN", VietQrProblem.ReferenceTooLong)]
    [InlineData("vcp-2026-000123", VietQrProblem.ReferenceHasInvalidCharacters)]
    [InlineData("ĐƠN VCP-2026-000123", VietQrProblem.ReferenceHasInvalidCharacters)]
    [InlineData("VCP/2026/000123", VietQrProblem.ReferenceHasInvalidCharacters)]
    [InlineData("VCP_2026_000123", VietQrProblem.ReferenceHasInvalidCharacters)]
    public void A_reference_outside_what_banks_accept_is_refused(string reference, VietQrProblem problem) =>
        Assert.Equal([problem], Refusal(Valid with { Reference = reference }));

    [Fact]
    public void A_reference_of_exactly_twenty_five_characters_is_accepted() =>
        Assert.True(VietQrPayload.Create(Valid with { Reference = "VCP-2026-000123 THANH TOA" }).Succeeded);

    [Theory]
    [InlineData("", VietQrProblem.BillNumberMissing)]
    [InlineData("12345678901234567890123456", VietQrProblem.BillNumberTooLong)]
    [InlineData("hd-1", VietQrProblem.BillNumberHasInvalidCharacters)]
    public void A_bill_number_follows_the_same_rules(string bill, VietQrProblem problem) =>
        Assert.Equal([problem], Refusal(Valid with { BillNumber = bill }));

    [Fact]
    public void Every_problem_is_reported_at_once() =>
        Assert.Equal(
            [VietQrProblem.BankBinNotSixDigits, VietQrProblem.AccountNumberMissing, VietQrProblem.AmountNotPositive, VietQrProblem.ReferenceHasInvalidCharacters],
            Refusal(new VietQrTransfer("", "", 0, "đơn 123")));

    [Theory]
    [InlineData("Đơn hàng VCP-2026-000123", "DON HANG VCP-2026-000123")]
    [InlineData("  Nguyễn   Thị Ánh  ", "NGUYEN THI ANH")]
    [InlineData("Bánh chưng (Tranh Khúc)!", "BANH CHUNG TRANH KHUC")]
    [InlineData("VCP-2026-000123", "VCP-2026-000123")]
    public void Free_text_is_normalised_to_the_accepted_characters(string text, string expected)
    {
        var normalised = VietQrReference.Normalize(text);

        Assert.Equal(expected, normalised);
        Assert.True(VietQrReference.HasOnlyAllowedCharacters(normalised));
    }

    private static readonly VietQrTransfer Valid = new("970436", "1023456789", 1_250_000, "VCP-2026-000123");

    private static IReadOnlyList<VietQrProblem> Refusal(VietQrTransfer transfer)
    {
        var result = VietQrPayload.Create(transfer);
        Assert.False(result.Succeeded);
        Assert.Null(result.Payload);
        return result.Problems;
    }
}
