using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Features.Checkout;
using VillageCraftPortal.Web.Shared;
using VillageCraftPortal.Web.Trips;
using VillageCraftPortal.Web.Trips.Planning;

namespace VillageCraftPortal.Web.Features.Trips;

/// <summary>
/// The visitor's trip: settings, the plan day by day with times and warnings, and every change as a plain form post
/// answered with a 303 back here (so it all works without JavaScript). Reordering by drag posts the new order.
/// </summary>
[OutputCache(NoStore = true)]
public sealed class IndexModel(TripService trips, TripCookie cookie, PublishedSnapshotAccessor snapshots) : ShopperPageModel
{
    public static readonly IReadOnlySet<string> Statuses = new HashSet<string>(StringComparer.Ordinal)
    {
        "added", "already", "full", "removed", "moved", "saved", "planned", "copied", "plan", "not-in-trip",
    };

    public TripView? View { get; private set; }

    public TripSettingsInput Input { get; private set; } = new(null, "1", "normal", "car", StartPoints.Default, null, null);

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? Status { get; private set; }

    /// <summary>The stop just moved and the button that moved it, which gets the focus back after the reload.</summary>
    public (string Stop, string Button)? Focus { get; private set; }

    public DateOnly Today => trips.Today;

    /// <summary>Where to find places to add: the villages' index page.</summary>
    public string VillagesUrl => snapshots.Current.OfType(DocumentTypes.VillageIndex).FirstOrDefault()?.Url(Culture) ?? "/" + Culture;

    protected override string TitleKey => "trip.title";

    protected override string PathIn(string culture) => TripPaths.Trip(culture);

    public async Task OnGetAsync(string? status, string? focus, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Status = status is not null && Statuses.Contains(status) ? status : null;
        if (focus?.Split(':', 2) is [var stop, var button and ("up" or "down" or "day")])
        {
            Focus = (stop, button);
        }
    }

    public async Task<IActionResult> OnPostSettingsAsync(TripSettingsInput input, CancellationToken cancellationToken)
    {
        var (settings, errors) = input.Parse(trips.Today);
        if (settings is null)
        {
            await LoadAsync(cancellationToken);
            (Input, Errors) = (input, errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var trip = await trips.SaveSettingsAsync(cookie.Read(HttpContext), settings, cancellationToken);
        cookie.Write(HttpContext, trip.Key);
        return Back("saved");
    }

    public async Task<IActionResult> OnPostMoveAsync(string? stop, string? day, string? position, string? button, CancellationToken cancellationToken)
    {
        var change = Guid.TryParse(stop, out var key) && TryNumber(day, out var d) && TryNumber(position, out var p)
            ? await trips.MoveAsync(cookie.Read(HttpContext), key, d, p, cancellationToken)
            : TripChange.NotInTrip;
        if (TripPages.WantsJson(Request))
        {
            return Json(change);
        }

        return change == TripChange.Moved && button is "up" or "down" or "day"
            // No #fragment: browsers skip autofocus on a page whose address has one (the focused button scrolls into view anyway).
            ? new SeeOtherResult($"{TripPaths.Trip(Culture)}?status=moved&focus={key:N}:{button}")
            : Back(change == TripChange.Moved ? "moved" : "not-in-trip");
    }

    public async Task<IActionResult> OnPostReorderAsync(string? day, string? order, CancellationToken cancellationToken)
    {
        var keys = (order ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => Guid.TryParse(k, out var g) ? g : Guid.Empty).ToList();
        var change = TryNumber(day, out var d) && keys.Count <= Trip.MaxStops && !keys.Contains(Guid.Empty)
            ? await trips.ReorderAsync(cookie.Read(HttpContext), d, keys, cancellationToken)
            : TripChange.NotInTrip;
        return TripPages.WantsJson(Request) ? Json(change) : Back(change == TripChange.Moved ? "moved" : "not-in-trip");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? stop, CancellationToken cancellationToken)
    {
        var change = Guid.TryParse(stop, out var key)
            ? await trips.RemoveAsync(cookie.Read(HttpContext), key, cancellationToken)
            : TripChange.NotInTrip;
        return Back(change == TripChange.Removed ? "removed" : "not-in-trip");
    }

    public async Task<IActionResult> OnPostOptimiseAsync(string? day, CancellationToken cancellationToken)
    {
        int? only = TryNumber(day, out var d) ? d : null;
        var change = string.IsNullOrEmpty(day) || only is not null
            ? await trips.OptimiseAsync(cookie.Read(HttpContext), only, cancellationToken)
            : TripChange.NotInTrip;
        return Back(change == TripChange.Planned ? "planned" : "not-in-trip");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (await trips.FindAsync(cookie.Read(HttpContext), cancellationToken) is { } trip)
        {
            View = trips.View(trip);
            Input = TripSettingsInput.From(trip);
            cookie.Write(HttpContext, trip.Key);
        }
        else
        {
            Input = Input with { FirstDay = trips.Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        }
    }

    private static JsonResult Json(TripChange change) => new(new { status = change.ToString() })
    {
        StatusCode = change == TripChange.Moved ? StatusCodes.Status200OK : StatusCodes.Status409Conflict,
    };

    private static bool TryNumber(string? text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value < 1000;

    private SeeOtherResult Back(string status) => new($"{TripPaths.Trip(Culture)}?status={status}");
}
