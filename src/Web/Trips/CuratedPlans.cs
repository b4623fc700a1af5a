using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Content.Values;
using VillageCraftPortal.Web.Trips.Planning;

namespace VillageCraftPortal.Web.Trips;

/// <summary>
/// Curated itineraries authored in the CMS: the places of each day (up to three days), a pace and a travel mode. The
/// planner orders each day and works out the times, for the first date from tomorrow on when every place is open.
/// </summary>
public static class CuratedPlans
{
    private const int DaysAhead = 21;

    /// <summary>The published places of each non-empty day, as authored.</summary>
    public static List<List<PublishedNode>> Days(PublishedNode plan, PublishedSnapshot snapshot) =>
        [.. DocumentTypes.ItineraryDays
            .Select(day => (plan.Value<List<Guid>>(day) ?? []).Select(key => TripPlaces.Find(snapshot, key)).OfType<PublishedNode>().ToList())
            .Where(day => day.Count > 0)];

    public static TripPace Pace(PublishedNode plan) => Enum.TryParse<TripPace>(plan.Value<string>("pace"), ignoreCase: true, out var pace) ? pace : TripPace.Normal;

    public static TravelMode Mode(PublishedNode plan) => Enum.TryParse<TravelMode>(plan.Value<string>("mode"), ignoreCase: true, out var mode) ? mode : TravelMode.Car;

    /// <summary>The plan timed for its first date from <paramref name="from"/> on when no place is closed (or from that date if none is).</summary>
    public static TripView View(PublishedNode plan, PublishedSnapshot snapshot, DateOnly from)
    {
        var days = Days(plan, snapshot);
        var places = days.Select(d => d.Select(n => TripPlaces.Place(snapshot, n)).ToList()).ToList();
        var nodes = days.SelectMany(d => d).ToDictionary(n => n.Key.ToString("N"), StringComparer.Ordinal);
        var first = Enumerable.Range(0, DaysAhead).Select(from.AddDays)
            .FirstOrDefault(date => places.Select((day, i) => day.All(p => p.Hours(date.AddDays(i)).Ranges.Count > 0)).All(open => open), from);
        var settings = new PlanSettings(GeoPoint.HoanKiemLake, first, Math.Max(1, days.Count), Pace(plan), Mode(plan));
        var planned = places.Select((day, i) => TripPlanner.Schedule(settings, i, TripPlanner.OptimiseDay(settings, i, day))).ToList();
        var trip = new Trip { Days = settings.Days, FirstDay = first, Pace = settings.Pace, Mode = settings.Mode, StartLat = settings.Start.Lat, StartLng = settings.Start.Lng };
        return new TripView(trip, settings, planned, nodes, 0);
    }
}
