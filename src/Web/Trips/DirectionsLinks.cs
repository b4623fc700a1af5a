using System.Globalization;
using VillageCraftPortal.Web.Content.Values;
using VillageCraftPortal.Web.Trips.Planning;

namespace VillageCraftPortal.Web.Trips;

/// <summary>
/// "Open in Google Maps" links (Maps URLs, api=1). A link holds an origin, a destination and at most
/// <see cref="MaxWaypoints"/> waypoints between them; a longer day is split into several links, each starting where
/// the one before ended.
/// </summary>
public static class DirectionsLinks
{
    public const int MaxWaypoints = 9;

    public static IReadOnlyList<string> ForDay(GeoPoint start, IReadOnlyList<GeoPoint> stops, TravelMode mode)
    {
        if (stops.Count == 0)
        {
            return [];
        }

        var points = stops.Prepend(start).Append(start).ToList();
        var links = new List<string>();
        for (var from = 0; from < points.Count - 1; from += MaxWaypoints + 1)
        {
            var to = Math.Min(from + MaxWaypoints + 1, points.Count - 1);
            var waypoints = points.Skip(from + 1).Take(to - from - 1).Select(Format);
            links.Add($"https://www.google.com/maps/dir/?api=1&origin={Format(points[from])}&destination={Format(points[to])}"
                + $"&travelmode={Mode(mode)}" + (to - from > 1 ? "&waypoints=" + Uri.EscapeDataString(string.Join('|', waypoints)) : string.Empty));
        }

        return links;
    }

    /// <summary>Directions from one point to the next, for a single leg.</summary>
    public static string Leg(GeoPoint from, GeoPoint to, TravelMode mode) =>
        $"https://www.google.com/maps/dir/?api=1&origin={Format(from)}&destination={Format(to)}&travelmode={Mode(mode)}";

    private static string Mode(TravelMode mode) => mode switch
    {
        TravelMode.Motorbike => "two-wheeler",
        TravelMode.Bus => "transit",
        _ => "driving",
    };

    private static string Format(GeoPoint point) =>
        string.Create(CultureInfo.InvariantCulture, $"{point.Lat:0.#####},{point.Lng:0.#####}");
}
