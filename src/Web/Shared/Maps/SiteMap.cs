using System.Globalization;
using System.Text.Json;
using VillageCraftPortal.Web.Content.Values;
using VillageCraftPortal.Web.Infrastructure;

namespace VillageCraftPortal.Web.Shared.Maps;

public sealed record MapMarker(int Number, string Name, string? Url, GeoPoint Point, bool IsReference = false);

/// <summary>A marker placed on the drawn (SVG) map, in view-box units.</summary>
public sealed record ProjectedMarker(MapMarker Marker, double X, double Y);

/// <summary>
/// A map of a few places. The server draws it as SVG (works without JavaScript, tiles or network); when JavaScript
/// runs, Leaflet replaces it with a tiled, zoomable map from the same data.
/// </summary>
public sealed class SiteMap
{
    public const double Width = 600;

    private SiteMap(IReadOnlyList<MapMarker> markers, double height, IReadOnlyList<ProjectedMarker> projected, string label, bool isRoute)
    {
        IsRoute = isRoute;
        Markers = markers;
        Height = height;
        Projected = projected;
        Label = label;
    }

    public IReadOnlyList<MapMarker> Markers { get; }

    public double Height { get; }

    public IReadOnlyList<ProjectedMarker> Projected { get; }

    public string Label { get; }

    /// <summary>A day's route: straight legs from the reference point through the numbered markers in order and back.</summary>
    public bool IsRoute { get; }

    /// <summary>The route's points in view-box units, for an SVG polyline ("x,y x,y …").</summary>
    public string RoutePoints => string.Join(' ', RouteOrder(Projected, p => p.Marker).Select(p => $"{Coordinate(p.X)},{Coordinate(p.Y)}"));

    public static SiteMap Create(IReadOnlyList<MapMarker> markers, string label, double paddingDegrees = 0.04, bool isRoute = false)
    {
        var minLat = markers.Min(m => m.Point.Lat) - paddingDegrees;
        var maxLat = markers.Max(m => m.Point.Lat) + paddingDegrees;
        var minLng = markers.Min(m => m.Point.Lng) - paddingDegrees;
        var maxLng = markers.Max(m => m.Point.Lng) + paddingDegrees;

        // Equirectangular, with longitude shrunk by cos(latitude): true enough for a region of tens of kilometres.
        var scaleX = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var spanX = Math.Max((maxLng - minLng) * scaleX, 0.02);
        var spanY = Math.Max(maxLat - minLat, 0.02);
        var height = Math.Round(Width * spanY / spanX);
        var projected = markers.Select(m => new ProjectedMarker(
            m,
            Math.Round((m.Point.Lng - minLng) * scaleX / spanX * Width, 1),
            Math.Round((maxLat - m.Point.Lat) / spanY * height, 1))).ToList();
        return new SiteMap(markers, height, projected, label, isRoute);
    }

    /// <summary>The data Leaflet reads from the page (data-map attribute).</summary>
    public string ToJson(MapOptions options) => JsonSerializer.Serialize(new
    {
        tiles = string.IsNullOrWhiteSpace(options.TileUrl) ? null : options.TileUrl,
        attribution = options.TileAttribution,
        markers = Markers.Select(m => new { n = m.Number, name = m.Name, url = m.Url, lat = m.Point.Lat, lng = m.Point.Lng, reference = m.IsReference }),
        route = IsRoute ? RouteOrder(Markers, m => m).Select(m => new[] { m.Point.Lat, m.Point.Lng }) : null,
    });

    /// <summary>Reference point, numbered markers by number, reference point again.</summary>
    private static IEnumerable<T> RouteOrder<T>(IEnumerable<T> items, Func<T, MapMarker> marker)
    {
        var list = items.ToList();
        var start = list.Where(i => marker(i).IsReference).Take(1).ToList();
        return start.Concat(list.Where(i => !marker(i).IsReference).OrderBy(i => marker(i).Number)).Concat(start);
    }

    public static string Coordinate(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
