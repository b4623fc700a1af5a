using VillageCraftPortal.Commerce.Payments.VietQr;

namespace VillageCraftPortal.Site.Tests.Commerce.Payments;

public sealed class VietQrParserTests
{
    [Fact]
    public void What_we_build_reads_back_field_by_field()
    {
        var transfer = new VietQrTransfer("970436", "1023456789", 1_250_000, "VCP-2026-000123", BillNumber: "HD 42");
        var payload = VietQrPayload.Create(transfer).Payload!;

        var result = VietQrParser.Parse(payload.Text);

        Assert.Equal(VietQrParseStatus.Success, result.Status);
        var read = result.Data!;
        Assert.Equal(
            ("12", "970436", "1023456789", "QRIBFTTA", "704", (long?)1_250_000, "VN", "HD 42", "VCP-2026-000123", payload.Text[^4..]),
            (read.PointOfInitiation, read.BankBin, read.AccountNumber, read.ServiceCode, read.Currency, read.Amount, read.CountryCode, read.BillNumber, read.Reference, read.Crc));
        Assert.Equal(["00", "01", "38", "53", "54", "58", "62", "63"], read.Fields.Select(f => f.Id));
    }

    [Fact]
    public void A_third_party_payload_with_lower_case_content_reads_as_published()
    {
        // README of github.com/subiz/vietqr at commit 8da5679a6a8e91b8e4815239d6ddfd5d8856e738.
        var read = VietQrParser.Parse(
            "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C").Data!;

        Assert.Equal(("970415", "0011001932418", (long?)120_000, "ung ho lu lut"), (read.BankBin, read.AccountNumber, read.Amount, read.Reference));
    }

    [Fact]
    public void A_static_payload_without_amount_or_content_reads_with_neither()
    {
        var body = "000201010211" + "38540010A00000072701240006970436011010234567890208QRIBFTTA" + "5303704" + "5802VN" + "6304";
        var read = VietQrParser.Parse(body + Crc16CcittFalse.ComputeHex(body)).Data!;

        Assert.Equal(("11", (long?)null, (string?)null), (read.PointOfInitiation, read.Amount, read.Reference));
    }

    [Fact]
    public void One_changed_character_breaks_the_crc()
    {
        var text = VietQrPayload.Create(new VietQrTransfer("970436", "1023456789", 1_250_000, "VCP-2026-000123")).Payload!.Text;
        var tampered = text.Replace("54071250000", "54071950000", StringComparison.Ordinal);

        Assert.Equal(VietQrParseStatus.CrcMismatch, VietQrParser.Parse(tampered).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("000201")]
    [InlineData("0002016304")]
    [InlineData("00020101021238570010A0000007270127")]
    [InlineData("0A02016304ABCD")]
    public void Text_that_is_not_a_run_of_data_objects_ending_in_a_crc_is_malformed(string text) =>
        Assert.Equal(VietQrParseStatus.Malformed, VietQrParser.Parse(text).Status);

    [Fact]
    public void A_well_formed_payload_of_another_scheme_is_not_vietqr()
    {
        // Another network's GUID in tag 38, with a correct CRC.
        var body = "000201010212" + "38300010A0000006770112010203040506" + "5303704" + "5802VN" + "6304";

        Assert.Equal(VietQrParseStatus.NotVietQr, VietQrParser.Parse(body + Crc16CcittFalse.ComputeHex(body)).Status);
    }
}
