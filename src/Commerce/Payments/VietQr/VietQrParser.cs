using System.Globalization;

namespace VillageCraftPortal.Commerce.Payments.VietQr;

/// <summary>What a VietQR payload says, as read back from its text.</summary>
public sealed record ParsedVietQr(
    string PointOfInitiation,
    string BankBin,
    string AccountNumber,
    string ServiceCode,
    string Currency,
    long? Amount,
    string CountryCode,
    string? BillNumber,
    string? Reference,
    string Crc,
    IReadOnlyList<EmvField> Fields);

public enum VietQrParseStatus
{
    Success,

    /// <summary>The text is not a sequence of well-formed data objects ending in a four-character tag 63.</summary>
    Malformed,

    /// <summary>Well formed, but tag 63 does not match the CRC of everything before it.</summary>
    CrcMismatch,

    /// <summary>A valid EMVCo payload that is not a NAPAS transfer (no GUID A000000727, no bank or account).</summary>
    NotVietQr,
}

public sealed record VietQrParseResult(VietQrParseStatus Status, ParsedVietQr? Data = null)
{
    public bool Succeeded => Status == VietQrParseStatus.Success;
}

/// <summary>Reads a VietQR payload and verifies its CRC. Lenient about content (lower case, other services), strict about structure.</summary>
public static class VietQrParser
{
    private const int CrcFieldLength = 8;

    public static VietQrParseResult Parse(string text)
    {
        if (text.Length < CrcFieldLength || !EmvTlv.TryRead(text, out var fields) || fields is not [.., { Id: "63", Value.Length: 4 }])
        {
            return new(VietQrParseStatus.Malformed);
        }
        var crc = fields[^1].Value;
        if (!string.Equals(crc, Crc16CcittFalse.ComputeHex(text[..^4]), StringComparison.OrdinalIgnoreCase))
        {
            return new(VietQrParseStatus.CrcMismatch);
        }
        if (!TryReadAccount(fields.Find("38"), out var bin, out var account, out var service))
        {
            return new(VietQrParseStatus.NotVietQr);
        }
        var amountText = fields.Find("54");
        long? amount = null;
        if (amountText is not null)
        {
            if (!long.TryParse(amountText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return new(VietQrParseStatus.Malformed);
            }
            amount = parsed;
        }
        IReadOnlyList<EmvField> additional = [];
        if (fields.Find("62") is { } additionalText && !EmvTlv.TryRead(additionalText, out additional))
        {
            return new(VietQrParseStatus.Malformed);
        }
        return new(VietQrParseStatus.Success, new ParsedVietQr(
            fields.Find("01") ?? "",
            bin,
            account,
            service,
            fields.Find("53") ?? "",
            amount,
            fields.Find("58") ?? "",
            additional.Find("01"),
            additional.Find("08"),
            crc,
            fields));
    }

    private static bool TryReadAccount(string? merchantAccount, out string bin, out string account, out string service)
    {
        bin = account = service = "";
        if (merchantAccount is null || !EmvTlv.TryRead(merchantAccount, out var parts) || parts.Find("00") != VietQrPayload.NapasGuid)
        {
            return false;
        }
        if (parts.Find("01") is not { } beneficiary || !EmvTlv.TryRead(beneficiary, out var organisation))
        {
            return false;
        }
        bin = organisation.Find("00") ?? "";
        account = organisation.Find("01") ?? "";
        service = parts.Find("02") ?? "";
        return bin.Length > 0 && account.Length > 0;
    }
}
