using Microsoft.Extensions.Options;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Payments;
using VillageCraftPortal.Commerce.Payments.Stripe;
using VillageCraftPortal.Commerce.Payments.VietQr;
using VillageCraftPortal.Commerce.Shipping;
using VillageCraftPortal.Web.Features.Shop;
using VillageCraftPortal.Web.Infrastructure;
using VillageCraftPortal.Web.Infrastructure.Email;

namespace VillageCraftPortal.Web.Features.Orders.Emails;

/// <summary>
/// What each <see cref="NoticeKind"/> tells the buyer, in the order's own language. The order is read when the email
/// is written, so a transfer already paid by then gets no payment instructions.
/// </summary>
public sealed class OrderEmailComposer(OrderWords words, BankTransfers transfers, IOptions<SiteOptions> site)
{
    /// <summary>Shown at 240 px: large enough for a phone to read from a screen, small enough for a narrow mail window.</summary>
    public const int QrDisplaySize = 240;

    public OrderEmail Compose(OrderNotice notice, OrderDetails details)
    {
        var culture = details.Order.Culture;
        var blocks = new List<EmailBlock> { new EmailParagraph(T(culture, "orders.email.greeting", details.Order.BuyerName)) };
        var (subject, heading) = notice.Kind switch
        {
            NoticeKind.Received => Received(details, blocks),
            NoticeKind.PaymentConfirmed => PaymentConfirmed(details, blocks),
            NoticeKind.Shipped => Shipped(details, notice.FulfilmentId, blocks),
            NoticeKind.Refunded => Refunded(details, notice.Amount ?? details.Order.RefundedAmount, blocks),
            NoticeKind.Cancelled => Cancelled(details, blocks),
            _ => throw new ArgumentOutOfRangeException(nameof(notice), notice.Kind, "A notice kind with no email."),
        };
        blocks.Add(new EmailParagraph(T(culture, "orders.email.lookup")));
        blocks.Add(new EmailLink(T(culture, "orders.email.lookupLink"), site.Value.Absolute(ShopPaths.OrderLookup(culture))));
        return new OrderEmail(culture, subject, heading, blocks);
    }

    /// <summary>The line under every email: who sent it and that replies go nowhere.</summary>
    public string Footer(string culture) => T(culture, "orders.email.footer", T(culture, "site.name"));

    private (string, string) Received(OrderDetails details, List<EmailBlock> blocks)
    {
        var order = details.Order;
        var culture = order.Culture;
        blocks.Add(new EmailParagraph(T(culture, "orders.email.received.intro", order.Number, OrderWords.When(order.CreatedAt, culture))));
        if (transfers.PayloadFor(order) is { } payload)
        {
            blocks.AddRange(TransferInstructions(details, payload));
        }
        else if (order.Status == OrderStatus.PendingPayment && order.PaymentMethod == PaymentMethod.Card)
        {
            blocks.Add(new EmailParagraph(T(culture, "orders.email.received.card")));
        }
        else if (order.PaymentMethod == PaymentMethod.CashOnDelivery)
        {
            blocks.Add(new EmailParagraph(T(culture, "orders.email.received.cod", OrderWords.Money(order.Total, culture))));
        }

        blocks.Add(new EmailSection(T(culture, "orders.email.yourOrder")));
        blocks.AddRange(Parcels(details, fulfilmentId: null));
        blocks.Add(Totals(order));
        blocks.Add(new EmailSection(T(culture, "orders.email.deliveryAndPayment")));
        blocks.Add(DeliveryFacts(details));
        return (T(culture, "orders.email.received.subject", order.Number), T(culture, "orders.email.received.heading"));
    }

    private IEnumerable<EmailBlock> TransferInstructions(OrderDetails details, VietQrPayload payload)
    {
        var order = details.Order;
        var culture = order.Culture;
        var account = transfers.Account;
        var amount = OrderWords.Money(payload.Transfer.Amount, culture);
        yield return new EmailSection(T(culture, "orders.email.transfer.heading"));
        yield return new EmailParagraph(details.HeldUntil is { } until
            ? T(culture, "orders.email.transfer.ask", OrderWords.When(until, culture))
            : T(culture, "orders.email.transfer.askNoDeadline"));
        yield return new EmailFacts(
        [
            new(T(culture, "orders.transfer.bank"), account.BankName ?? account.BankBin ?? string.Empty),
            new(T(culture, "orders.transfer.accountName"), account.AccountName ?? string.Empty),
            new(T(culture, "orders.transfer.accountNumber"), account.AccountNumber ?? string.Empty),
            new(T(culture, "orders.transfer.amount"), amount),
            new(T(culture, "orders.transfer.reference"), payload.Transfer.Reference),
        ]);
        yield return new EmailParagraph(T(culture, "orders.email.transfer.scan"));
        var image = new InlineImage($"vietqr.{order.Number}@vcp", $"vietqr-{order.Number}.png", "image/png", VietQrImage.ToPng(payload));
        yield return new EmailImage(image, T(culture, "orders.transfer.qrAlt", amount, account.AccountNumber ?? string.Empty, payload.Transfer.Reference), QrDisplaySize);
    }

    private (string, string) PaymentConfirmed(OrderDetails details, List<EmailBlock> blocks)
    {
        var order = details.Order;
        var culture = order.Culture;
        blocks.Add(new EmailParagraph(T(culture, "orders.email.paid.intro", OrderWords.Money(order.Total, culture), order.Number)));
        blocks.Add(new EmailSection(T(culture, "orders.email.yourOrder")));
        blocks.AddRange(Parcels(details, fulfilmentId: null));
        blocks.Add(Totals(order));
        return (T(culture, "orders.email.paid.subject", order.Number), T(culture, "orders.email.paid.heading"));
    }

    private (string, string) Shipped(OrderDetails details, int? fulfilmentId, List<EmailBlock> blocks)
    {
        var order = details.Order;
        var culture = order.Culture;
        var parcels = details.Parcels.Where(p => fulfilmentId is null || p.Fulfilment.Id == fulfilmentId).ToList();
        foreach (var (fulfilment, _) in parcels)
        {
            blocks.Add(new EmailParagraph(T(culture, "orders.email.shipped.intro", words.Centre(culture, fulfilment.VillageCode), order.Number)));
            var facts = new List<EmailFact>();
            AddIfAny(facts, T(culture, "orders.carrier"), fulfilment.Carrier);
            AddIfAny(facts, T(culture, "orders.tracking"), fulfilment.TrackingNumber);
            AddIfAny(facts, T(culture, "orders.shippedAt"), fulfilment.ShippedAt is { } at ? OrderWords.When(at, culture) : null);
            if (facts.Count > 0)
            {
                blocks.Add(new EmailFacts(facts));
            }
        }

        blocks.AddRange(Parcels(details, fulfilmentId));
        if (fulfilmentId is not null && order.Fulfilments.Count > 1)
        {
            blocks.Add(new EmailParagraph(T(culture, "orders.email.shipped.others")));
        }

        var address = words.Address(order, culture);
        if (address is not null)
        {
            blocks.Add(new EmailFacts([new(T(culture, "orders.address"), address)]));
        }

        return (T(culture, "orders.email.shipped.subject", order.Number), T(culture, "orders.email.shipped.heading"));
    }

    private (string, string) Refunded(OrderDetails details, long amount, List<EmailBlock> blocks)
    {
        var order = details.Order;
        var culture = order.Culture;
        blocks.Add(new EmailParagraph(T(culture, "orders.email.refunded.intro", OrderWords.Money(amount, culture), order.Number)));
        blocks.Add(new EmailFacts(
        [
            new(T(culture, "orders.email.refunded.thisRefund"), OrderWords.Money(amount, culture)),
            new(T(culture, "orders.refunded"), OrderWords.Money(order.RefundedAmount, culture)),
            new(T(culture, "orders.total"), OrderWords.Money(order.Total, culture)),
        ]));
        blocks.Add(new EmailParagraph(T(culture, order.PaymentMethod == PaymentMethod.Card ? "orders.email.refunded.card" : "orders.email.refunded.other")));
        return (T(culture, "orders.email.refunded.subject", order.Number), T(culture, "orders.email.refunded.heading"));
    }

    private (string, string) Cancelled(OrderDetails details, List<EmailBlock> blocks)
    {
        var order = details.Order;
        var culture = order.Culture;
        var cancelling = details.History.LastOrDefault(t => t.To == OrderStatus.Cancelled);
        // Cancelled by the payment jobs means the money never came; anything else was a person's decision.
        var unpaid = cancelling?.Actor is PaymentReconciliation.Actor or StripeWebhooks.Actor;
        blocks.Add(new EmailParagraph(T(culture, unpaid ? "orders.email.cancelled.unpaid" : "orders.email.cancelled.other", order.Number)));
        blocks.Add(new EmailSection(T(culture, "orders.email.cancelled.lines")));
        blocks.AddRange(Parcels(details, fulfilmentId: null));
        blocks.Add(new EmailParagraph(T(culture, "orders.email.cancelled.again")));
        return (T(culture, "orders.email.cancelled.subject", order.Number), T(culture, "orders.email.cancelled.heading"));
    }

    private IEnumerable<EmailBlock> Parcels(OrderDetails details, int? fulfilmentId)
    {
        var culture = details.Order.Culture;
        string[] columns = [T(culture, "orders.line.product"), T(culture, "orders.line.quantity"), T(culture, "orders.line.unitPrice"), T(culture, "orders.line.amount")];
        return details.Parcels.Where(p => fulfilmentId is null || p.Fulfilment.Id == fulfilmentId).Select(p => new EmailLines(
            T(culture, "orders.parcelFrom", words.Centre(culture, p.Fulfilment.VillageCode)),
            columns,
            [.. p.Lines.Select(l => new EmailLine(OrderWords.LineName(l), l.Quantity, OrderWords.Money(l.UnitPrice, culture), OrderWords.Money(l.LineTotal, culture)))]));
    }

    private EmailFacts Totals(Order order)
    {
        var culture = order.Culture;
        var facts = new List<EmailFact>
        {
            new(T(culture, "orders.subtotal"), OrderWords.Money(order.Subtotal, culture)),
            new(T(culture, "orders.shipping"), OrderWords.Money(order.ShippingPrice, culture)),
            new(T(culture, "orders.total"), OrderWords.Money(order.Total, culture)),
            new(T(culture, "orders.vatIncluded"), OrderWords.Money(order.VatIncluded, culture)),
        };
        if (order.RefundedAmount > 0)
        {
            facts.Add(new(T(culture, "orders.refunded"), OrderWords.Money(order.RefundedAmount, culture)));
        }

        return new EmailFacts(facts);
    }

    private EmailFacts DeliveryFacts(OrderDetails details)
    {
        var order = details.Order;
        var culture = order.Culture;
        var facts = new List<EmailFact>
        {
            new(T(culture, "orders.deliveryMethod"), words.Delivery(culture, order.DeliveryMethod)),
            new(T(culture, "orders.recipient"), $"{order.BuyerName}, {order.BuyerPhone}"),
        };
        AddIfAny(facts, T(culture, "orders.address"), words.Address(order, culture));
        if (order.IsPickup)
        {
            facts.Add(new(T(culture, "orders.collectFrom"), string.Join("; ", details.Parcels.Select(p => words.Centre(culture, p.Fulfilment.VillageCode)))));
        }

        facts.Add(new(T(culture, "orders.paymentMethod"), words.Payment(culture, order.PaymentMethod)));
        if (order.InvoiceCompanyName is { Length: > 0 } company)
        {
            facts.Add(new(T(culture, "orders.invoice"), T(culture, "orders.invoiceFor", company, order.InvoiceTaxCode ?? string.Empty)));
        }

        return new EmailFacts(facts);
    }

    private static void AddIfAny(List<EmailFact> facts, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            facts.Add(new(label, value));
        }
    }

    private string T(string culture, string key) => words.Text(culture, key);

    private string T(string culture, string key, params object[] arguments) => words.Text(culture, key, arguments);
}
