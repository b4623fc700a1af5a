using ShopCart = VillageCraftPortal.Commerce.Cart.Cart;

namespace VillageCraftPortal.Site.Tests.Commerce.Cart;

/// <summary>A view keeps a cart alive without writing it on every page.</summary>
public sealed class CartActivityTests
{
    private static readonly DateTime Start = new(2026, 11, 28, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_view_within_the_hour_records_nothing()
    {
        var cart = new ShopCart();
        cart.Touch(Start);

        cart.Viewed(Start + ShopCart.ViewInterval - TimeSpan.FromSeconds(1));

        Assert.Equal(Start, cart.UpdatedAt);
        Assert.Equal(Start + ShopCart.Lifetime, cart.ExpiresAt);
    }

    [Fact]
    public void A_view_after_the_hour_extends_the_cart_by_its_whole_lifetime()
    {
        var cart = new ShopCart();
        cart.Touch(Start);
        var later = Start + TimeSpan.FromDays(29);

        cart.Viewed(later);

        Assert.Equal(later, cart.UpdatedAt);
        Assert.Equal(later + ShopCart.Lifetime, cart.ExpiresAt);
    }
}
