using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Payments.VietQr;
using VillageCraftPortal.Commerce.Stock;
using VillageCraftPortal.Web.Features.Shop;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Features.Checkout;

/// <summary>
/// The order as placed, for the browser that placed it only (its receipts cookie): anyone else gets the ordinary
/// 404 page, whether or not the number exists. A transfer shows its VietQR code and how long the stock is held; a
/// card order back from Stripe before the webhook says "being confirmed", since only the webhook marks it paid.
/// </summary>
[OutputCache(NoStore = true)]
public sealed class ConfirmationModel(AppDbContext db, OrderReceipts receipts, BankTransfers transfers) : ShopperPageModel
{
    public Order Order { get; private set; } = null!;

    /// <summary>When an unpaid transfer's stock is released (UTC).</summary>
    public DateTime? HoldUntil { get; private set; }

    public VietQrPayload? Transfer { get; private set; }

    public BankTransferOptions Account => transfers.Account;

    protected override string TitleKey => "checkout.confirmation.title";

    protected override string PathIn(string culture) => ShopPaths.Confirmation(culture, RouteData.Values["number"] as string ?? string.Empty);

    /// <summary>What the buyer should read about the payment, as a text key.</summary>
    public string PaymentKey => (Order.Status, Order.PaymentMethod) switch
    {
        (OrderStatus.PendingPayment, PaymentMethod.Card) => "checkout.confirmation.cardPending",
        (OrderStatus.PendingPayment, _) => "checkout.confirmation.transferPending",
        (OrderStatus.Paid, _) => "checkout.confirmation.paid",
        (OrderStatus.Cancelled, _) => "checkout.confirmation.cancelled",
        (_, PaymentMethod.CashOnDelivery) => "checkout.confirmation.cashOnDelivery",
        _ => "checkout.confirmation.inProgress",
    };

    /// <summary>The QR symbol as inline SVG, named by its caption for screen readers.</summary>
    public string? TransferSvg => Transfer is null ? null
        : VietQrImage.ToSvg(Transfer).Replace("<svg ", "<svg role=\"img\" aria-labelledby=\"vietqr-caption\" focusable=\"false\" class=\"vietqr-code\" ", StringComparison.Ordinal);

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        var id = OrderNumber.TryParseId(number);
        if (id is null || !receipts.Holds(HttpContext, number))
        {
            return NotFound();
        }

        var canonical = number.Trim().ToUpperInvariant();
        var order = await db.Set<Order>().AsNoTracking().Include(o => o.Lines.OrderBy(l => l.Id))
            .SingleOrDefaultAsync(o => o.Id == id && o.Number == canonical, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        Order = order;
        Transfer = transfers.PayloadFor(order);
        HoldUntil = order.Status == OrderStatus.PendingPayment
            ? await db.Set<StockReservation>().Where(r => r.OrderId == order.Id && r.State == ReservationState.Held).MinAsync(r => r.ExpiresAt, cancellationToken)
            : null;
        return Page();
    }
}
