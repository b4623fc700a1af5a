using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Infrastructure;
using VillageCraftPortal.Web.Infrastructure.Web;
using VillageCraftPortal.Web.Shared;
using VillageCraftPortal.Web.Trips;

namespace VillageCraftPortal.Web.Features.Trips;

/// <summary>The trip's calendar files (own and shared), and the token site.js needs to add stops from cached pages.</summary>
public static class TripEndpoints
{
    public static IEndpointRouteBuilder MapTrips(this IEndpointRouteBuilder app)
    {
        foreach (var culture in Cultures.All)
        {
            app.MapGet(TripPaths.Calendar(culture), (HttpContext context, TripService trips, TripCookie cookie, UiTexts texts, IOptions<SiteOptions> site, CancellationToken ct) =>
                CalendarAsync(context, culture, trips.FindAsync(cookie.Read(context), ct), trips, texts, site.Value));
            app.MapGet(TripPaths.SharedCalendar(culture, TripPages.ShareIdRoute), (string shareId, HttpContext context, TripService trips, UiTexts texts, IOptions<SiteOptions> site, CancellationToken ct) =>
                CalendarAsync(context, culture, trips.FindSharedAsync(shareId, ct), trips, texts, site.Value));
        }

        // A request token for the "add to my trip" button on cached pages; the cookie half is set with it.
        app.MapGet("/api/trip/token", (HttpContext context, IAntiforgery antiforgery) =>
        {
            context.Response.NeverStored();
            var tokens = antiforgery.GetAndStoreTokens(context);
            return Results.Json(new { field = tokens.FormFieldName, token = tokens.RequestToken });
        });
        return app;
    }

    private static async Task<IResult> CalendarAsync(HttpContext context, string culture, Task<Trip?> find, TripService trips, UiTexts texts, SiteOptions site)
    {
        context.Response.NeverStored();
        if (await find is not { } trip || trip.Stops.Count == 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: texts.Get(culture, "trip.calendar.none"));
        }

        var ics = TripCalendar.Write(trips.View(trip), culture, texts, site.Absolute);
        return Results.File(Encoding.UTF8.GetBytes(ics), TripCalendar.ContentType, texts.Get(culture, "trip.calendar.file"));
    }
}
