using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Shipping;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Site.Tests.Features.Orders;

/// <summary>The order texts built from names (statuses, payment and delivery methods) exist, in two real languages.</summary>
public sealed class OrderTextsTests
{
    private readonly UiTexts _texts = new();

    [Fact]
    public void Every_status_payment_and_delivery_method_has_its_own_words_in_both_languages()
    {
        var keys = Enum.GetValues<OrderStatus>().SelectMany(s => new[] { $"orders.status.{s}", $"orders.status.{s}.help" })
            .Concat(Enum.GetValues<PaymentMethod>().Select(m => $"orders.payment.{m}"))
            .Concat(Enum.GetValues<ShippingMethod>().Select(m => $"orders.delivery.{m}"))
            .ToList();

        Assert.All(keys, key =>
        {
            Assert.True(_texts.All("vi").ContainsKey(key), key);
            Assert.True(_texts.All("en").ContainsKey(key), key);
            Assert.NotEqual(_texts.Get("vi", key), _texts.Get("en", key));
        });
    }

    [Fact]
    public void Every_order_text_differs_between_the_languages()
    {
        var same = _texts.All("vi").Where(kv => kv.Key.StartsWith("orders.", StringComparison.Ordinal) && _texts.Get("en", kv.Key) == kv.Value).Select(kv => kv.Key);

        Assert.Empty(same);
    }
}
