using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Features.Cart;
using VillageCraftPortal.Web.Features.Shop;

namespace VillageCraftPortal.Web.Features.Checkout;

public static class CheckoutExtensions
{
    /// <summary>The cart and checkout pages at their <see cref="ShopPaths"/> addresses, and their services.</summary>
    public static IServiceCollection AddCartAndCheckout(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(options =>
        {
            Route(options, "/Features/Cart/Index", ShopPaths.Cart);
            Route(options, "/Features/Checkout/Index", ShopPaths.Checkout);
            Route(options, "/Features/Checkout/Review", ShopPaths.CheckoutReview);
            Route(options, "/Features/Checkout/Confirmation", c => ShopPaths.Confirmation(c, "{number}"));
        });
        services.AddSingleton<CartCookie>();
        services.AddSingleton<OrderReceipts>();
        services.AddSingleton<CheckoutValidator>();
        services.AddSingleton<DeliveryChoices>();
        services.AddSingleton<PaymentChoices>();
        services.AddScoped<CheckoutOrders>();
        return services;
    }

    /// <summary>The page answers exactly at its address in each culture (and not at its file path).</summary>
    private static void Route(RazorPagesOptions options, string page, Func<string, string> path) =>
        options.Conventions.AddPageRouteModelConvention(page, model =>
        {
            model.Selectors.Clear();
            foreach (var culture in Cultures.All)
            {
                model.Selectors.Add(new SelectorModel { AttributeRouteModel = new AttributeRouteModel { Template = path(culture).TrimStart('/') } });
            }
        });
}
