using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using VillageCraftPortal.Commerce.Cart;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Pricing;
using VillageCraftPortal.Commerce.Shipping;
using VillageCraftPortal.Web.Features.Orders.Emails;
using VillageCraftPortal.Web.Features.Shop;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Features.Checkout;

/// <summary>
/// The order summary (subtotal, delivery, total and the VAT it includes) and the payment choice. Placing the order
/// takes the prices from the catalogue, never from this form; the form carries only the payment method and the
/// cart's one-time token, so pressing "place order" twice makes one order.
/// </summary>
[OutputCache(NoStore = true)]
public sealed class ReviewModel(CartService carts, CartCheckout checkout, CheckoutValidator validator, PaymentChoices payments, CheckoutOrders orders) : ShopperPageModel
{
    private CheckoutCheck? _check;

    [BindProperty]
    public string? Payment { get; set; }

    [BindProperty]
    public Guid? Token { get; set; }

    public CartReview Review { get; private set; } = CartReview.None;

    public CheckoutDetails Details { get; private set; } = new();

    public ShippingQuote Delivery { get; private set; } = null!;

    public long Total => Review.Subtotal + (Delivery.Price ?? 0);

    public decimal VatRate => HttpContext.RequestServices.GetRequiredService<IOptions<OrderOptions>>().Value.VatRate;

    public long VatIncluded => Vnd.VatIncluded(Total, VatRate);

    public IReadOnlyList<PaymentChoice> Choices { get; private set; } = [];

    /// <summary>The message beside the payment choice.</summary>
    public string? PaymentError { get; private set; }

    public string? Notice { get; private set; }

    protected override string TitleKey => "checkout.review.title";

    protected override string PathIn(string culture) => ShopPaths.CheckoutReview(culture);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Token is not { } token || CartId is not { } cartId)
        {
            return new SeeOtherResult(ShopPaths.CheckoutReview(Culture));
        }

        var decided = await DecideAsync(cancellationToken);
        if (decided is not null)
        {
            // Whatever stopped this submit, a twin submit of the same form may have placed the order meanwhile
            // (and emptied the cart): then this one goes where that one went.
            var state = await checkout.StateOfAsync(cartId, token, cancellationToken);
            return state.Status is TokenStatus.Placed or TokenStatus.InProgress
                ? Finish(await orders.FollowAsync(cartId, token, StripeReturn, cancellationToken))
                : decided;
        }

        var choice = Choices.First(c => c.Code == Payment);
        var request = CheckoutRequest.For(Details, _check!, Review, choice.Method, Culture);
        return Finish(await orders.PlaceAsync(cartId, token, request, StripeReturn, cancellationToken));
    }

    /// <summary>Checks the cart, the details and the payment choice; a result unless the order can be placed now.</summary>
    private async Task<IActionResult?> DecideAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken, posted: true) is { } elsewhere)
        {
            return elsewhere;
        }

        if (Review.Changes.Count > 0)
        {
            Notice = "checkout.review.changed";
            return Page();
        }

        var choice = Choices.FirstOrDefault(c => c.Code == Payment);
        if (choice is null || !choice.IsAvailable)
        {
            PaymentError = choice is null ? Texts.Get(Culture, "checkout.error.paymentRequired") : RefusalMessage(choice.Refusal);
            return Page();
        }

        return null;
    }

    private IActionResult Finish(PlaceOutcome outcome)
    {
        switch (outcome.Status)
        {
            case PlaceStatus.Placed:
                HttpContext.RequestServices.GetRequiredService<OrderReceipts>().Add(HttpContext, outcome.Order!.Number);
                // The "order received" email goes now rather than at the email job's next poll.
                HttpContext.RequestServices.GetRequiredService<OrderNoticeSignal>().Notify();
                ShowCartCount(0);
                return new SeeOtherResult(outcome.Redirect!);
            case PlaceStatus.OutOfStock:
                return new SeeOtherResult($"{ShopPaths.Cart(Culture)}?status=checkout-sold-out");
            case PlaceStatus.CartChanged:
                return new SeeOtherResult($"{ShopPaths.Cart(Culture)}?status=checkout-changed");
            case PlaceStatus.CashOnDeliveryRefused:
                PaymentError = RefusalMessage(PaymentRefusal.CashOverLimit);
                return Page();
            case PlaceStatus.CardNotStarted:
                PaymentError = Texts.Get(Culture, $"checkout.error.card.{outcome.Card}");
                return Page();
            default:
                return new SeeOtherResult(ShopPaths.CheckoutReview(Culture));
        }
    }

    /// <summary>Why a method cannot take this order, with the amount that decides it.</summary>
    public string RefusalMessage(PaymentRefusal refusal) => Texts.Get(Culture, $"checkout.error.payment.{refusal}", Formats.Vnd(refusal switch
    {
        PaymentRefusal.CardBelowMinimum => payments.CardMinimum,
        PaymentRefusal.CardAboveMaximum => payments.CardMaximum,
        _ => payments.CashOnDeliveryLimit,
    }, Culture));

    /// <summary>Loads the summary; a result when the buyer belongs elsewhere (empty cart, details to complete).</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken, bool posted = false)
    {
        Review = await carts.ReviewAsync(CartId, cancellationToken);
        ShowCartCount(Review.ItemCount);
        if (Review.CartId is not { } id || !Review.CanCheckOut)
        {
            // A line sold out since the last step: back to the cart, which shows it flagged with a remove button.
            return new SeeOtherResult(Review.IsEmpty ? ShopPaths.Cart(Culture) : $"{ShopPaths.Cart(Culture)}?status=checkout-sold-out");
        }

        Details = CheckoutDetails.FromJson(Review.CheckoutDetails);
        _check = validator.Validate(Details, Review);
        if (!_check.IsValid)
        {
            return new SeeOtherResult($"{ShopPaths.Checkout(Culture)}?check=1");
        }

        Delivery = _check.Quote!;
        Choices = payments.For(Total, Details.IsAbroad);
        if (!posted)
        {
            // A posted form keeps its own token: only a freshly shown form asks the cart for one.
            Token = await checkout.TokenAsync(id, cancellationToken);
        }

        return null;
    }
}
