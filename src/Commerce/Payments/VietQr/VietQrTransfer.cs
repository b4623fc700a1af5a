namespace VillageCraftPortal.Commerce.Payments.VietQr;

/// <summary>
/// A bank transfer to be paid by scanning a VietQR code.
/// </summary>
/// <param name="BankBin">The beneficiary bank's six-digit BIN registered with NAPAS (e.g. 970436 for Vietcombank).</param>
/// <param name="AccountNumber">The beneficiary account: 1–19 characters, digits or upper-case letters (virtual accounts).</param>
/// <param name="Amount">Whole đồng, VAT included; 1 to 13 digits.</param>
/// <param name="Reference">The transfer content the bank shows on the statement, e.g. the order number VCP-2026-000123.</param>
/// <param name="BillNumber">An optional bill number (sub-tag 01 of the additional data), under the same rules as the reference.</param>
public sealed record VietQrTransfer(string BankBin, string AccountNumber, long Amount, string Reference, string? BillNumber = null);

/// <summary>Why a transfer cannot be written as a VietQR payload.</summary>
public enum VietQrProblem
{
    BankBinNotSixDigits,
    AccountNumberMissing,
    AccountNumberTooLong,
    AccountNumberHasInvalidCharacters,
    AmountNotPositive,
    AmountTooManyDigits,
    ReferenceMissing,
    ReferenceTooLong,
    ReferenceHasInvalidCharacters,
    BillNumberMissing,
    BillNumberTooLong,
    BillNumberHasInvalidCharacters,
}

/// <summary>The payload, or every reason the transfer was refused.</summary>
public sealed record VietQrBuildResult(VietQrPayload? Payload, IReadOnlyList<VietQrProblem> Problems)
{
    public bool Succeeded => Payload is not null;
}
