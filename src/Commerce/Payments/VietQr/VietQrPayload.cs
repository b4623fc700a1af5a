using System.Globalization;
using System.Text;

namespace VillageCraftPortal.Commerce.Payments.VietQr;

/// <summary>
/// The text inside a VietQR code for a transfer to a bank account: an EMVCo merchant-presented payload as NAPAS
/// specifies it (dynamic, amount set, service QRIBFTTA, currency 704, country VN, CRC-16/CCITT-FALSE in tag 63).
/// </summary>
public sealed class VietQrPayload
{
    public const string NapasGuid = "A000000727";
    public const string TransferToAccount = "QRIBFTTA";
    public const string DynamicInitiation = "12";
    public const string VndCurrency = "704";
    public const string VietNam = "VN";
    public const int MaxAccountNumberLength = 19;
    public const long MaxAmount = 9_999_999_999_999;

    private VietQrPayload(VietQrTransfer transfer, string text)
    {
        Transfer = transfer;
        Text = text;
    }

    public VietQrTransfer Transfer { get; }

    /// <summary>The full payload, CRC included, to be encoded as the QR symbol.</summary>
    public string Text { get; }

    public static VietQrBuildResult Create(VietQrTransfer transfer)
    {
        var problems = Check(transfer);
        return problems.Count > 0 ? new VietQrBuildResult(null, problems) : new VietQrBuildResult(new VietQrPayload(transfer, Write(transfer)), []);
    }

    public override string ToString() => Text;

    private static string Write(VietQrTransfer transfer)
    {
        var beneficiary = EmvTlv.Field("00", transfer.BankBin) + EmvTlv.Field("01", transfer.AccountNumber);
        var account = new StringBuilder()
            .AppendField("00", NapasGuid)
            .AppendField("01", beneficiary)
            .AppendField("02", TransferToAccount);
        var additional = new StringBuilder();
        if (transfer.BillNumber is not null)
        {
            additional.AppendField("01", transfer.BillNumber);
        }
        additional.AppendField("08", transfer.Reference);

        var payload = new StringBuilder()
            .AppendField("00", "01")
            .AppendField("01", DynamicInitiation)
            .AppendField("38", account.ToString())
            .AppendField("53", VndCurrency)
            .AppendField("54", transfer.Amount.ToString(CultureInfo.InvariantCulture))
            .AppendField("58", VietNam)
            .AppendField("62", additional.ToString())
            .Append("6304");
        return payload.Append(Crc16CcittFalse.ComputeHex(payload.ToString())).ToString();
    }

    private static List<VietQrProblem> Check(VietQrTransfer transfer)
    {
        var problems = new List<VietQrProblem>();
        if (transfer.BankBin is not { Length: 6 } || !transfer.BankBin.All(char.IsAsciiDigit))
        {
            problems.Add(VietQrProblem.BankBinNotSixDigits);
        }
        if (string.IsNullOrEmpty(transfer.AccountNumber))
        {
            problems.Add(VietQrProblem.AccountNumberMissing);
        }
        else if (transfer.AccountNumber.Length > MaxAccountNumberLength)
        {
            problems.Add(VietQrProblem.AccountNumberTooLong);
        }
        else if (!transfer.AccountNumber.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
        {
            problems.Add(VietQrProblem.AccountNumberHasInvalidCharacters);
        }
        if (transfer.Amount <= 0)
        {
            problems.Add(VietQrProblem.AmountNotPositive);
        }
        else if (transfer.Amount > MaxAmount)
        {
            problems.Add(VietQrProblem.AmountTooManyDigits);
        }
        CheckText(transfer.Reference, problems, VietQrProblem.ReferenceMissing, VietQrProblem.ReferenceTooLong, VietQrProblem.ReferenceHasInvalidCharacters);
        if (transfer.BillNumber is not null)
        {
            CheckText(transfer.BillNumber, problems, VietQrProblem.BillNumberMissing, VietQrProblem.BillNumberTooLong, VietQrProblem.BillNumberHasInvalidCharacters);
        }
        return problems;
    }

    private static void CheckText(string? text, List<VietQrProblem> problems, VietQrProblem missing, VietQrProblem tooLong, VietQrProblem invalid)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(missing);
        }
        else if (text.Length > VietQrReference.MaxLength)
        {
            problems.Add(tooLong);
        }
        else if (!VietQrReference.HasOnlyAllowedCharacters(text))
        {
            problems.Add(invalid);
        }
    }
}
