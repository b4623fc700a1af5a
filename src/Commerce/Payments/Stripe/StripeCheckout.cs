using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Pricing;

namespace VillageCraftPortal.Commerce.Payments.Stripe;

public enum CardCheckoutStatus
{
    Started,
    NotConfigured,
    NotPayable,
    BelowMinimum,
    AboveMaximum,

    /// <summary>Stripe could not be reached or refused the request; the buyer may try again.</summary>
    Unavailable,
}

public sealed record CardCheckoutResult(CardCheckoutStatus Status, string? RedirectUrl = null);

/// <summary>
/// Starts a Stripe Checkout session for an unpaid order: one line item per order line (and one for delivery), in
/// whole đồng (VND is zero-decimal), in the buyer's language, with a deterministic idempotency key per attempt.
/// A new attempt first expires the previous session, so an old page can never be paid as well.
/// </summary>
public sealed class StripeCheckout(DbContext db, IOptions<StripeOptions> options, IOptions<OrderOptions> orderOptions, TimeProvider clock, StripeConnection connection)
{
    public async Task<CardCheckoutResult> StartAsync(int orderId, Uri successUrl, Uri cancelUrl, CancellationToken cancellationToken)
    {
        if (connection.Client is not { } stripe)
        {
            return new CardCheckoutResult(CardCheckoutStatus.NotConfigured);
        }

        var order = await db.Set<Order>().Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null || order.Status != OrderStatus.PendingPayment || order.PaymentMethod != Orders.PaymentMethod.Card)
        {
            return new CardCheckoutResult(CardCheckoutStatus.NotPayable);
        }

        if (order.Total < options.Value.MinimumAmount)
        {
            return new CardCheckoutResult(CardCheckoutStatus.BelowMinimum);
        }

        if (order.Total > options.Value.MaximumAmount)
        {
            return new CardCheckoutResult(CardCheckoutStatus.AboveMaximum);
        }

        var previous = await db.Set<CardPayment>().Where(p => p.OrderId == orderId).OrderByDescending(p => p.Attempt).ToListAsync(cancellationToken);
        var sessions = new SessionService(stripe);
        try
        {
            foreach (var open in previous.Where(p => p.State == CardPaymentState.Open))
            {
                await sessions.ExpireAsync(open.SessionId, cancellationToken: cancellationToken);
                open.State = CardPaymentState.Expired;
            }

            var attempt = previous.Count == 0 ? 1 : previous[0].Attempt + 1;
            var expires = clock.GetUtcNow().UtcDateTime + Clamp(orderOptions.Value.CardHold);
            var session = await sessions.CreateAsync(
                SessionFor(order, expires, successUrl, cancelUrl),
                new RequestOptions { IdempotencyKey = $"checkout:{order.Number}:{attempt}" },
                cancellationToken);
            // The stock stays held for as long as this session can be paid.
            await db.Set<Stock.StockReservation>()
                .Where(r => r.OrderId == order.Id && r.State == Stock.ReservationState.Held)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.ExpiresAt, expires), cancellationToken);
            db.Add(new CardPayment
            {
                OrderId = order.Id,
                Attempt = attempt,
                SessionId = session.Id,
                Url = session.Url,
                State = CardPaymentState.Open,
                Amount = order.Total,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                ExpiresAt = expires,
            });
            await db.SaveChangesAsync(cancellationToken);
            return new CardCheckoutResult(CardCheckoutStatus.Started, session.Url);
        }
        catch (StripeException)
        {
            await db.SaveChangesAsync(cancellationToken);
            return new CardCheckoutResult(CardCheckoutStatus.Unavailable);
        }
    }

    /// <summary>The session as Stripe will show it; amounts are whole đồng, never ×100.</summary>
    public static SessionCreateOptions SessionFor(Order order, DateTime expiresAt, Uri successUrl, Uri cancelUrl)
    {
        var items = order.Lines.Select(line => Item(
            string.IsNullOrEmpty(line.VariantLabel) ? line.ProductName : $"{line.ProductName} ({line.VariantLabel})",
            line.Sku, line.UnitPrice, line.Quantity)).ToList();
        if (order.ShippingPrice > 0)
        {
            items.Add(Item(order.Culture == "en" ? "Delivery" : "Phí giao hàng", order.DeliveryMethod, order.ShippingPrice, 1));
        }

        var metadata = new Dictionary<string, string> { ["order_id"] = order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["order_number"] = order.Number };
        return new SessionCreateOptions
        {
            Mode = "payment",
            LineItems = items,
            Locale = order.Culture == "en" ? "en" : "vi",
            ClientReferenceId = order.Number,
            CustomerEmail = order.BuyerEmail,
            ExpiresAt = expiresAt,
            SuccessUrl = successUrl.ToString(),
            CancelUrl = cancelUrl.ToString(),
            Metadata = metadata,
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = metadata, Description = order.Number },
        };
    }

    private static SessionLineItemOptions Item(string name, string description, long unitAmount, int quantity) => new()
    {
        Quantity = quantity,
        PriceData = new SessionLineItemPriceDataOptions
        {
            Currency = "vnd",
            UnitAmount = Vnd.ToStripeAmount(unitAmount),
            ProductData = new SessionLineItemPriceDataProductDataOptions { Name = name, Description = description },
        },
    };

    /// <summary>Stripe accepts session expiries between 30 minutes and 24 hours.</summary>
    private static TimeSpan Clamp(TimeSpan hold) =>
        hold < TimeSpan.FromMinutes(30) ? TimeSpan.FromMinutes(30) : hold > TimeSpan.FromHours(24) ? TimeSpan.FromHours(24) : hold;
}
