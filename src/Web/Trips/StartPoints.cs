using VillageCraftPortal.Web.Content.Values;

namespace VillageCraftPortal.Web.Trips;

/// <summary>
/// Where a day can start and end: Hoàn Kiếm Lake by default, a few well-known central places, or coordinates. The
/// points are landmarks' approximate positions, good enough for travel estimates; they are not addresses.
/// </summary>
public static class StartPoints
{
    public const string Default = "hoan-kiem";
    public const string Custom = "custom";

    public static readonly IReadOnlyList<StartPoint> Listed =
    [
        new(Default, GeoPoint.HoanKiemLake),
        new("ba-dinh", new GeoPoint(21.0367, 105.8348)),
        new("van-mieu", new GeoPoint(21.0277, 105.8355)),
        new("tay-ho", new GeoPoint(21.0584, 105.8231)),
        new("cau-giay", new GeoPoint(21.0362, 105.7906)),
        new("long-bien", new GeoPoint(21.0447, 105.8827)),
    ];

    public static StartPoint? Find(string? key) => Listed.FirstOrDefault(p => p.Key == key);
}

/// <summary>A listed start point; its name is the UI text "trip.start.{key}".</summary>
public sealed record StartPoint(string Key, GeoPoint Location);
