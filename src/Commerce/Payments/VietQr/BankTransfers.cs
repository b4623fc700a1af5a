using Microsoft.Extensions.Options;
using VillageCraftPortal.Commerce.Orders;

namespace VillageCraftPortal.Commerce.Payments.VietQr;

/// <summary>The VietQR payload a buyer scans to pay an order by bank transfer, with the order number as reference.</summary>
public sealed class BankTransfers(IOptions<BankTransferOptions> options)
{
    public BankTransferOptions Account => options.Value;

    public bool IsAvailable => options.Value.IsConfigured;

    /// <summary>
    /// The payload for what is still owed on <paramref name="order"/>, or null when transfers are not configured or
    /// the order is not a transfer awaiting payment.
    /// </summary>
    public VietQrPayload? PayloadFor(Order order)
    {
        if (!IsAvailable || order.PaymentMethod != PaymentMethod.BankTransfer || order.Status != OrderStatus.PendingPayment)
        {
            return null;
        }

        var built = VietQrPayload.Create(new VietQrTransfer(options.Value.BankBin!, options.Value.AccountNumber!, order.Total, order.Number));
        return built.Payload ?? throw new InvalidOperationException(
            $"The bank transfer settings cannot make a VietQR code: {string.Join(", ", built.Problems)}.");
    }
}
