using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using VillageCraftPortal.Commerce.Cart;
using VillageCraftPortal.Web.Features.Checkout;
using VillageCraftPortal.Web.Features.Shop;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Features.Cart;

/// <summary>
/// The cart: every view re-checks it against the catalogue and says what changed. Adding (from product pages),
/// changing a quantity and removing are plain form posts answered with a 303 back here, so it all works without
/// JavaScript and a reload never posts twice.
/// </summary>
[OutputCache(NoStore = true)]
public sealed class IndexModel(CartService carts) : ShopperPageModel
{
    /// <summary>The messages a redirect back here may ask for (?status=…); anything else is ignored.</summary>
    public static readonly IReadOnlySet<string> Statuses = new HashSet<string>(StringComparer.Ordinal)
    {
        "added", "limited-max", "limited-stock", "invalid-quantity", "unavailable", "sold-out", "updated", "removed",
        "not-in-cart", "checkout-sold-out", "checkout-changed", "restored", "empty",
    };

    public CartReview Review { get; private set; } = CartReview.None;

    public string? Status { get; private set; }

    protected override string TitleKey => "cart.title";

    protected override string PathIn(string culture) => ShopPaths.Cart(culture);

    public async Task OnGetAsync(string? status, CancellationToken cancellationToken)
    {
        Review = await carts.ReviewAsync(CartId, cancellationToken);
        if (Review.CartId is { } id)
        {
            // Viewing is activity: the cart (and its cookie) live another 30 days.
            CartCookie.Write(HttpContext, id);
        }

        ShowCartCount(Review.ItemCount);
        Status = status is not null && Statuses.Contains(status) ? status : null;
    }

    public async Task<IActionResult> OnPostAddAsync(string? variantId, string? quantity, CancellationToken cancellationToken)
    {
        if (!TryQuantity(quantity, missingMeans: 1, out var wanted) || !int.TryParse(variantId, NumberStyles.None, CultureInfo.InvariantCulture, out var variant))
        {
            return Back(wanted == 0 ? "invalid-quantity" : "unavailable");
        }

        var result = await carts.AddAsync(CartId, variant, wanted, cancellationToken);
        if (result.CartId is { } id)
        {
            CartCookie.Write(HttpContext, id);
        }

        return Back(result.Status switch
        {
            CartAddStatus.Added => "added",
            CartAddStatus.LimitedToMaximum => "limited-max",
            CartAddStatus.LimitedByStock => "limited-stock",
            CartAddStatus.InvalidQuantity => "invalid-quantity",
            CartAddStatus.SoldOut => "sold-out",
            _ => "unavailable",
        });
    }

    public async Task<IActionResult> OnPostUpdateAsync(string? variantId, string? quantity, CancellationToken cancellationToken)
    {
        if (!TryQuantity(quantity, missingMeans: 0, out var wanted))
        {
            return Back("invalid-quantity");
        }

        var status = int.TryParse(variantId, NumberStyles.None, CultureInfo.InvariantCulture, out var variant)
            ? await carts.UpdateAsync(CartId, variant, wanted, cancellationToken)
            : CartLineStatus.NotInCart;
        return Back(LineStatus(status, "updated"));
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? variantId, CancellationToken cancellationToken)
    {
        var status = int.TryParse(variantId, NumberStyles.None, CultureInfo.InvariantCulture, out var variant)
            ? await carts.RemoveAsync(CartId, variant, cancellationToken)
            : CartLineStatus.NotInCart;
        return Back(LineStatus(status, "removed"));
    }

    private static string LineStatus(CartLineStatus status, string done) => status switch
    {
        CartLineStatus.Updated or CartLineStatus.Removed => done,
        CartLineStatus.LimitedByStock => "limited-stock",
        CartLineStatus.InvalidQuantity => "invalid-quantity",
        _ => "not-in-cart",
    };

    /// <summary>Quantities as typed: a whole number 1–99 (the service checks the range); empty means <paramref name="missingMeans"/>.</summary>
    private static bool TryQuantity(string? text, int missingMeans, out int quantity)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            quantity = missingMeans;
            return missingMeans > 0;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out quantity))
        {
            quantity = 0;
            return false;
        }

        return true;
    }

    private SeeOtherResult Back(string status) => new($"{ShopPaths.Cart(Culture)}?status={status}");
}
