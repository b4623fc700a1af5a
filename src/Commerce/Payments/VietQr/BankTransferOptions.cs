namespace VillageCraftPortal.Commerce.Payments.VietQr;

/// <summary>
/// The account buyers pay by bank transfer (section "BankTransfer"). Without a BIN and an account the VietQR option
/// is not offered.
/// </summary>
public sealed class BankTransferOptions
{
    public const string Section = "BankTransfer";

    /// <summary>The bank's six-digit NAPAS BIN, e.g. 970436 (Vietcombank).</summary>
    public string? BankBin { get; set; }

    /// <summary>The bank's name as buyers know it, shown beside the code.</summary>
    public string? BankName { get; set; }

    public string? AccountNumber { get; set; }

    public string? AccountName { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BankBin) && !string.IsNullOrWhiteSpace(AccountNumber);
}
