using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Features.Checkout;
using VillageCraftPortal.Web.Shared;
using VillageCraftPortal.Web.Trips;

namespace VillageCraftPortal.Web.Features.Trips;

/// <summary>
/// "Add to my trip". Content pages are cached and shared, so their button cannot carry an antiforgery token: without
/// JavaScript it opens this page (GET ?stop=…), which asks once more with a proper form; with JavaScript, site.js
/// fetches a token and posts here directly, and gets JSON back (ProblemDetails for a refusal).
/// </summary>
[OutputCache(NoStore = true)]
public sealed class AddModel(TripService trips, TripCookie cookie, PublishedSnapshotAccessor snapshots, ProblemDetailsFactory problems) : ShopperPageModel
{
    public PublishedNode? Stop { get; private set; }

    /// <summary>A curated itinerary to use as the trip (?plan=…), instead of one stop.</summary>
    public PublishedNode? Plan { get; private set; }

    protected override string TitleKey => "trip.add.title";

    protected override string PathIn(string culture) => TripPaths.Add(culture);

    public IActionResult OnGet(string? stop, string? plan)
    {
        if (plan is not null)
        {
            Plan = Guid.TryParse(plan, out var planKey) && snapshots.Current.ByKey(planKey) is { ContentType: DocumentTypes.Itinerary } found ? found : null;
            Response.StatusCode = Plan is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
            return Page();
        }

        if (!Guid.TryParse(stop, out var key) || TripPlaces.Find(snapshots.Current, key) is not { } node)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Stop = node;
        return Page();
    }

    public async Task<IActionResult> OnPostPlanAsync(string? plan, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(plan, out var key) || await trips.UsePlanAsync(cookie.Read(HttpContext), key, cancellationToken) is not { } trip)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        cookie.Write(HttpContext, trip.Key);
        return new SeeOtherResult($"{TripPaths.Trip(Culture)}?status=plan");
    }

    public async Task<IActionResult> OnPostAsync(string? stop, CancellationToken cancellationToken)
    {
        var (trip, change) = Guid.TryParse(stop, out var key)
            ? await trips.AddAsync(cookie.Read(HttpContext), key, cancellationToken)
            : (null, TripChange.UnknownStop);
        if (trip is not null)
        {
            cookie.Write(HttpContext, trip.Key);
        }

        if (TripPages.WantsJson(Request))
        {
            return change switch
            {
                TripChange.Added or TripChange.AlreadyThere => new JsonResult(new
                {
                    status = change == TripChange.Added ? "added" : "already",
                    count = trip?.Stops.Count ?? 0,
                    message = Texts.Get(Culture, change == TripChange.Added ? "trip.status.added" : "trip.status.already"),
                    trip = TripPaths.Trip(Culture),
                }),
                TripChange.Full => Problem(StatusCodes.Status409Conflict, "trip.status.full"),
                _ => Problem(StatusCodes.Status400BadRequest, "trip.error.unknownStop"),
            };
        }

        if (change == TripChange.UnknownStop)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return new SeeOtherResult($"{TripPaths.Trip(Culture)}?status={change switch
        {
            TripChange.Added => "added",
            TripChange.AlreadyThere => "already",
            _ => "full",
        }}");
    }

    /// <summary>ProblemDetails as the rest of the site's APIs give them (the standard type, the trace id), in the page's language.</summary>
    private ObjectResult Problem(int status, string key) =>
        new(problems.CreateProblemDetails(HttpContext, status, Texts.Get(Culture, key)))
        {
            StatusCode = status,
            ContentTypes = { "application/problem+json" },
        };
}
