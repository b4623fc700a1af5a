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
        ViewData.GetMeta()?.AddJsonLd(TouristTrip(View));
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

    private Dictionary<string, object?> TouristTrip(TripView view) => new()
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "TouristTrip",
        ["name"] = Texts.Get(Culture, "trip.shared.title"),
        ["url"] = AbsoluteUrl(TripPaths.Shared(Culture, view.Trip.ShareId)),
        ["inLanguage"] = Culture,
        ["itinerary"] = new Dictionary<string, object?>
        {
            ["@type"] = "ItemList",
            ["itemListElement"] = view.Days.SelectMany(d => d.Stops).Where(s => s.Timing is not null).Select((s, i) => new Dictionary<string, object?>
            {
                ["@type"] = "ListItem",
                ["position"] = i + 1,
                ["item"] = new Dictionary<string, object?>
                {
                    ["@type"] = "TouristAttraction",
                    ["name"] = view.Nodes[s.Place.Id].Name(Culture).Value,
                    ["url"] = AbsoluteUrl(view.Nodes[s.Place.Id].Url(Culture)),
                    ["geo"] = new Dictionary<string, object?> { ["@type"] = "GeoCoordinates", ["latitude"] = s.Place.Location.Lat, ["longitude"] = s.Place.Location.Lng },
                },
            }).ToList(),
        },
    };
}
