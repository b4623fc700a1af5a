using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using VillageCraftPortal.Commerce.Cart;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Payments.Stripe;
using VillageCraftPortal.Commerce.Shipping;
using VillageCraftPortal.Web.Features.Shop;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Features.Checkout;

/// <summary>
/// The checkout's first step, one form in fieldsets: contact, address, delivery, company invoice and notes. What is
/// typed is saved with the cart on every submit, so an error, a trip back to the cart or a cancelled card payment
/// never loses it. It also receives buyers coming back from Stripe without paying (?payment=cancelled).
/// </summary>
[OutputCache(NoStore = true)]
public sealed class IndexModel(CartService carts, CartCheckout checkout, CheckoutValidator validator, DeliveryChoices deliveries, CheckoutOrders orders) : ShopperPageModel
{
    public CheckoutDetails Details { get; private set; } = new();

    public CartReview Review { get; private set; } = CartReview.None;

    public IReadOnlyList<ShippingQuote> Deliveries { get; private set; } = [];

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>A card order whose buyer left Stripe's page: it can be paid again or given up.</summary>
    public Order? PendingCard { get; private set; }

    /// <summary>A text key for a message at the top of the page.</summary>
    public string? Notice { get; private set; }

    protected override string TitleKey => "checkout.title";

    protected override string PathIn(string culture) => ShopPaths.Checkout(culture);

    public async Task<IActionResult> OnGetAsync(string? payment, string? check, CancellationToken cancellationToken)
    {
        if (payment == "cancelled")
        {
            Notice = "checkout.card.cancelled";
            PendingCard = CartId is { } id ? await orders.PendingCardOrderAsync(id, cancellationToken) : null;
        }

        if (!await LoadAsync(cancellationToken) && PendingCard is null)
        {
            return Redirect(ShopPaths.Cart(Culture));
        }

        if (check == "1")
        {
            Errors = validator.Validate(Details, Review).Errors;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return new SeeOtherResult(ShopPaths.Cart(Culture));
        }

        Details = new CheckoutDetails();
        await TryUpdateModelAsync(Details, string.Empty);
        await checkout.SaveDetailsAsync(Review.CartId!.Value, Details.ToJson(), cancellationToken);
        var checkResult = validator.Validate(Details, Review);
        Errors = checkResult.Errors;
        // A cart that changed meanwhile is shown again with the changes rather than silently carried on.
        return checkResult.IsValid && Review.Changes.Count == 0 ? new SeeOtherResult(ShopPaths.CheckoutReview(Culture)) : Page();
    }

    public async Task<IActionResult> OnPostRetryAsync(CancellationToken cancellationToken)
    {
        if (CartId is not { } id || await orders.PendingCardOrderAsync(id, cancellationToken) is not { } order)
        {
            return new SeeOtherResult(ShopPaths.Checkout(Culture));
        }

        var started = await orders.RetryCardAsync(order.Id, StripeReturn, cancellationToken);
        if (started.Status == CardCheckoutStatus.Started)
        {
            return new SeeOtherResult(started.RedirectUrl!);
        }

        return await ShowPendingAsync(order, $"checkout.error.card.{started.Status}", cancellationToken);
    }

    public async Task<IActionResult> OnPostAbandonAsync(CancellationToken cancellationToken)
    {
        if (CartId is not { } id || await orders.PendingCardOrderAsync(id, cancellationToken) is not { } order)
        {
            return new SeeOtherResult(ShopPaths.Cart(Culture));
        }

        return await orders.AbandonCardAsync(id, order.Id, cancellationToken) switch
        {
            AbandonStatus.Cancelled => new SeeOtherResult($"{ShopPaths.Cart(Culture)}?status=restored"),
            AbandonStatus.AlreadyPaid => new SeeOtherResult(ShopPaths.Confirmation(Culture, order.Number)),
            var status => await ShowPendingAsync(order, $"checkout.abandon.{status}", cancellationToken),
        };
    }

    private async Task<IActionResult> ShowPendingAsync(Order order, string notice, CancellationToken cancellationToken)
    {
        PendingCard = order;
        Notice = notice;
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Reviews the cart and loads the saved details; false when there is nothing to check out.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Review = await carts.ReviewAsync(CartId, cancellationToken);
        ShowCartCount(Review.ItemCount);
        if (Review.CartId is null || !Review.CanCheckOut)
        {
            return false;
        }

        Details = CheckoutDetails.FromJson(Review.CheckoutDetails);
        Deliveries = deliveries.For(Review);
        return true;
    }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field) is { } error ? Texts.Get(Culture, error.Key, error.Args) : null;
}
