using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using VillageCraftPortal.Web.Features.Checkout;
using VillageCraftPortal.Web.Shared;
using VillageCraftPortal.Web.Trips;

namespace VillageCraftPortal.Web.Features.Trips;

/// <summary>
/// A trip opened by its share link: read-only (no form changes it), with its calendar, and one action: copy it into
/// a trip of one's own. Carries JSON-LD TouristTrip with the itinerary.
/// </summary>
[OutputCache(NoStore = true)]
public sealed class SharedModel(TripService trips, TripCookie cookie) : ShopperPageModel
{
    public TripView? View { get; private set; }

    public string ShareId => RouteData.Values[TripPages.ShareIdRouteValue] as string ?? string.Empty;

    protected override string TitleKey => "trip.shared.title";

    protected override string PathIn(string culture) => TripPaths.Shared(culture, ShareId);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await trips.FindSharedAsync(ShareId, cancellationToken) is not { } trip)
        {
            return NotFound();
        }

        View = trips.View(trip);
        ViewData.GetMeta()?.AddJsonLd(Web.Trips.TouristTrip.Create(
            Texts.Get(Culture, "trip.shared.title"),
            AbsoluteUrl(TripPaths.Shared(Culture, ShareId)),
            Culture,
            View.Days.SelectMany(d => d.Stops).Where(s => s.Timing is not null).Select(s => View.Nodes[s.Place.Id]),
            AbsoluteUrl));
        return Page();
    }

    public async Task<IActionResult> OnPostCopyAsync(CancellationToken cancellationToken)
    {
        if (await trips.CopyAsync(ShareId, cancellationToken) is not { } copy)
        {
            return NotFound();
        }

        cookie.Write(HttpContext, copy.Key);
        return new SeeOtherResult($"{TripPaths.Trip(Culture)}?status=copied");
    }
}
