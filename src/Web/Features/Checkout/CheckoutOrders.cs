using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Cart;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Payments.Stripe;
using VillageCraftPortal.Web.Features.Shop;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Features.Checkout;

public enum PlaceStatus
{
    /// <summary>Placed (now or by the first of two submits): go to <see cref="PlaceOutcome.Redirect"/>.</summary>
    Placed,

    /// <summary>The form's token is not the cart's (an old tab): nothing was placed.</summary>
    StaleForm,
    OutOfStock,

    /// <summary>A product went off sale or the cart emptied meanwhile.</summary>
    CartChanged,
    CashOnDeliveryRefused,

    /// <summary>Stripe refused or could not start the payment: the order was cancelled and its stock returned.</summary>
    CardNotStarted,
}

public sealed record PlaceOutcome(PlaceStatus Status, Order? Order = null, string? Redirect = null, CardCheckoutStatus? Card = null);

/// <summary>Absolute addresses for Stripe's return links, in the buyer's culture.</summary>
public sealed record CheckoutReturn(string Culture, Func<string, Uri> Absolute)
{
    public Uri Success(Order order) => Absolute(ShopPaths.Confirmation(Culture, order.Number));

    public Uri Cancel => Absolute(ShopPaths.Checkout(Culture) + "?payment=cancelled");
}

/// <summary>
/// Turns a cart into an order: claims the form's one-time token (so a double submit places one order), places the
/// order with <see cref="OrderPlacement"/> (catalogue prices, atomic stock), starts Stripe for a card payment, and
/// empties the cart. A submit that lost the race waits for the winner and is sent where the winner was.
/// </summary>
public sealed class CheckoutOrders(OrderPlacement placement, CartCheckout checkout, StripeCheckout stripe, CardPaymentAbandonment abandonment, AppDbContext db)
{
    private static readonly TimeSpan FollowFor = TimeSpan.FromSeconds(15);

    public async Task<PlaceOutcome> PlaceAsync(Guid cartId, Guid token, OrderRequest request, CheckoutReturn back, CancellationToken cancellationToken)
    {
        if (!await checkout.ClaimAsync(cartId, token, cancellationToken))
        {
            return await FollowAsync(cartId, token, back, cancellationToken);
        }

        // Without a card payment to start first, the cart is emptied in the order's own transaction: one commit.
        Func<Order, CancellationToken, Task>? emptyCart = request.Payment == PaymentMethod.Card
            ? null
            : (order, ct) => checkout.CompleteInTransactionAsync(cartId, token, order.Id, keepDetails: false, ct);
        var placed = await placement.PlaceAsync(request, emptyCart, cancellationToken);
        if (!placed.Succeeded)
        {
            await checkout.ReleaseAsync(cartId, token, cancellationToken);
            return new PlaceOutcome(placed.Status switch
            {
                PlacementStatus.OutOfStock => PlaceStatus.OutOfStock,
                PlacementStatus.CashOnDeliveryRefused => PlaceStatus.CashOnDeliveryRefused,
                _ => PlaceStatus.CartChanged,
            });
        }

        var order = placed.Order!;
        var redirect = ShopPaths.Confirmation(back.Culture, order.Number);
        if (order.PaymentMethod == PaymentMethod.Card)
        {
            var card = await StartCardAsync(order, back, cancellationToken);
            if (card.Status != CardCheckoutStatus.Started)
            {
                // Nothing was paid: the order goes, its stock returns, and the cart is still there to try again.
                await abandonment.AbandonAsync(order.Id, OrderPlacement.BuyerActor, cancellationToken);
                await checkout.ReleaseAsync(cartId, token, cancellationToken);
                return new PlaceOutcome(PlaceStatus.CardNotStarted, Card: card.Status);
            }

            redirect = card.RedirectUrl!;
        }

        if (order.PaymentMethod == PaymentMethod.Card)
        {
            // Card buyers keep their details with the cart: if they leave Stripe's page they come back to a filled form.
            await checkout.CompleteAsync(cartId, token, order.Id, keepDetails: true, cancellationToken);
        }

        return new PlaceOutcome(PlaceStatus.Placed, order, redirect);
    }

    /// <summary>Starts Stripe; a network failure is the same to the buyer as Stripe saying it is unavailable.</summary>
    private async Task<CardCheckoutResult> StartCardAsync(Order order, CheckoutReturn back, CancellationToken cancellationToken)
    {
        try
        {
            return await stripe.StartAsync(order.Id, back.Success(order), back.Cancel, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new CardCheckoutResult(CardCheckoutStatus.Unavailable);
        }
    }

    /// <summary>Tries the card payment of the cart's pending order again (a new Stripe session; the old one is expired).</summary>
    public async Task<CardCheckoutResult> RetryCardAsync(int orderId, CheckoutReturn back, CancellationToken cancellationToken)
    {
        var order = await db.Set<Order>().AsNoTracking().SingleAsync(o => o.Id == orderId, cancellationToken);
        return await stripe.StartAsync(orderId, back.Success(order), back.Cancel, cancellationToken);
    }

    /// <summary>Gives up the card payment: the order is cancelled and its lines go back into the cart.</summary>
    public async Task<AbandonStatus> AbandonCardAsync(Guid cartId, int orderId, CancellationToken cancellationToken)
    {
        var status = await abandonment.AbandonAsync(orderId, OrderPlacement.BuyerActor, cancellationToken);
        if (status == AbandonStatus.Cancelled)
        {
            var order = await db.Set<Order>().AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.Id == orderId, cancellationToken);
            await checkout.RestoreAsync(cartId, order, cancellationToken);
        }

        return status;
    }

    /// <summary>The pending card order of this cart, if its buyer came back from Stripe without paying.</summary>
    public async Task<Order?> PendingCardOrderAsync(Guid cartId, CancellationToken cancellationToken)
    {
        var orderId = await db.Set<Commerce.Cart.Cart>().Where(c => c.Id == cartId).Select(c => c.PlacedOrderId).SingleOrDefaultAsync(cancellationToken);
        return orderId is null ? null : await db.Set<Order>().AsNoTracking()
            .SingleOrDefaultAsync(o => o.Id == orderId && o.PaymentMethod == PaymentMethod.Card && o.Status == OrderStatus.PendingPayment, cancellationToken);
    }

    /// <summary>
    /// A submit whose token is no longer open: the second of two waits for the first to finish and goes where it
    /// went; an old form is told so (<see cref="PlaceStatus.StaleForm"/>).
    /// </summary>
    public async Task<PlaceOutcome> FollowAsync(Guid cartId, Guid token, CheckoutReturn back, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + FollowFor;
        while (DateTime.UtcNow < deadline)
        {
            var state = await checkout.StateOfAsync(cartId, token, cancellationToken);
            if (state.Status == TokenStatus.Placed)
            {
                var order = await db.Set<Order>().AsNoTracking().SingleAsync(o => o.Id == state.OrderId, cancellationToken);
                var session = order is { PaymentMethod: PaymentMethod.Card, Status: OrderStatus.PendingPayment }
                    ? await db.Set<CardPayment>().AsNoTracking().Where(p => p.OrderId == order.Id && p.State == CardPaymentState.Open)
                        .OrderByDescending(p => p.Attempt).Select(p => p.Url).FirstOrDefaultAsync(cancellationToken)
                    : null;
                return new PlaceOutcome(PlaceStatus.Placed, order, session ?? ShopPaths.Confirmation(back.Culture, order.Number));
            }

            if (state.Status != TokenStatus.InProgress)
            {
                return new PlaceOutcome(PlaceStatus.StaleForm);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        return new PlaceOutcome(PlaceStatus.StaleForm);
    }
}
