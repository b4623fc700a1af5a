using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Features.Orders.Emails;
using VillageCraftPortal.Web.Features.Shop;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Features.Orders;

public static class OrdersExtensions
{
    public const string LookupRateLimit = "order-lookup";

    /// <summary>The buyer's side of an order after checkout: the order emails and the guest order lookup.</summary>
    public static IServiceCollection AddOrders(this IServiceCollection services)
    {
        services.AddOrderEmails();
        services.AddScoped<OrderLookup>();
        services.AddSingleton<OrderAccess>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy<string, OrderLookupRateLimit>(LookupRateLimit);
        });
        services.Configure<RazorPagesOptions>(options =>
        {
            // The pages answer exactly at the addresses ShopPaths gives, in both languages, and nowhere else.
            options.Conventions.AddPageRouteModelConvention("/Features/Orders/Lookup", model => Route(model, ShopPaths.OrderLookup));
            options.Conventions.AddPageRouteModelConvention("/Features/Orders/Status", model => Route(model, c => ShopPaths.OrderStatus(c, "{number}")));
        });
        return services;
    }

    /// <summary>The order email job and what it needs; the tests use this alone, without the web host.</summary>
    public static IServiceCollection AddOrderEmails(this IServiceCollection services)
    {
        services.TryAddSingleton<UiTexts>();
        services.AddSingleton<OrderWords>();
        services.AddSingleton<OrderEmailComposer>();
        services.AddSingleton<OrderNoticeSignal>();
        services.AddScoped<OrderNoticeSender>();
        services.AddSingleton<OrderEmailJob>();
        services.AddHostedService(sp => sp.GetRequiredService<OrderEmailJob>());
        return services;
    }

    private static void Route(PageRouteModel model, Func<string, string> path)
    {
        model.Selectors.Clear();
        foreach (var culture in Cultures.All)
        {
            model.Selectors.Add(new SelectorModel { AttributeRouteModel = new AttributeRouteModel { Template = path(culture).TrimStart('/') } });
        }
    }
}
