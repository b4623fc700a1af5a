using Microsoft.AspNetCore.Mvc.RazorPages;
using VillageCraftPortal.Web.Features.Products;
using VillageCraftPortal.Web.Trips;

namespace VillageCraftPortal.Web.Features.Trips;

/// <summary>The trip pages at the addresses <see cref="TripPaths"/> gives, and the calendar downloads.</summary>
public static class TripPages
{
    public const string ShareIdRouteValue = "shareId";

    /// <summary>The share id in a route: 32 characters (the lookup is by exact value, so anything else finds nothing).</summary>
    public const string ShareIdRoute = "{" + ShareIdRouteValue + ":length(32)}";

    public static IServiceCollection AddTripPages(this IServiceCollection services)
    {
        services.AddScoped<TripService>();
        services.AddSingleton<TripCookie>();
        services.AddHostedService<TripPurge>();
        services.Configure<RazorPagesOptions>(options =>
        {
            StorefrontPages.Route(options, "/Features/Trips/Index", TripPaths.Trip);
            StorefrontPages.Route(options, "/Features/Trips/Add", TripPaths.Add);
            StorefrontPages.Route(options, "/Features/Trips/Shared", c => TripPaths.Shared(c, ShareIdRoute));
        });
        return services;
    }

    /// <summary>A fetch from site.js asks for JSON; a plain form post gets a page or a redirect.</summary>
    public static bool WantsJson(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
}
