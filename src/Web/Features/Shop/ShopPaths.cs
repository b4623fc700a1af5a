using VillageCraftPortal.Web.Content;

namespace VillageCraftPortal.Web.Features.Shop;

/// <summary>
/// The shop's public addresses in each culture. Pages register these routes, and links are built only from here, so
/// the two never drift apart.
/// </summary>
public static class ShopPaths
{
    public static string Products(string culture) => English(culture) ? "/en/products" : "/vi/san-pham";

    public static string Product(string culture, string alias) => $"{Products(culture)}/{alias}";

    /// <summary>One village's products, by its code ("bat-trang").</summary>
    public static string VillageProducts(string culture, string village) =>
        English(culture) ? $"/en/products/village/{village}" : $"/vi/san-pham/lang-nghe/{village}";

    public static string Cart(string culture) => English(culture) ? "/en/cart" : "/vi/gio-hang";

    /// <summary>
    /// Where an "add to cart" form posts (antiforgery token included), with the fields VariantId and Quantity
    /// (1–99; missing means 1). The answer is a 303 to the cart.
    /// </summary>
    public static string CartAdd(string culture) => Cart(culture) + "?handler=add";

    public static string Checkout(string culture) => English(culture) ? "/en/checkout" : "/vi/thanh-toan";

    /// <summary>The checkout's last step: the order summary and the payment choice.</summary>
    public static string CheckoutReview(string culture) => English(culture) ? "/en/checkout/review" : "/vi/thanh-toan/xem-lai";

    /// <summary>The guest order lookup: order number and email give the order's status page.</summary>
    public static string OrderLookup(string culture) => English(culture) ? "/en/order-status" : "/vi/tra-cuu-don-hang";

    /// <summary>
    /// An order's status page, e.g. /vi/tra-cuu-don-hang/vcp-2026-000123 (lower case, as every public path is). It
    /// shows the order only to a browser that looked it up (see Features/Orders/OrderAccess).
    /// </summary>
    public static string OrderStatus(string culture, string orderNumber) => $"{OrderLookup(culture)}/{orderNumber.ToLowerInvariant()}";

    /// <summary>
    /// The page a buyer lands on after placing an order (or returning from Stripe). The number is written in lower
    /// case because public paths are (see CanonicalPathMiddleware); the page reads it in any case.
    /// </summary>
    public static string Confirmation(string culture, string orderNumber) =>
        English(culture) ? $"/en/checkout/confirmation/{orderNumber.ToLowerInvariant()}" : $"/vi/thanh-toan/xac-nhan/{orderNumber.ToLowerInvariant()}";

    private static bool English(string culture) => culture == Cultures.English;
}
