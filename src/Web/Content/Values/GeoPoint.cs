namespace VillageCraftPortal.Web.Content.Values;

/// <summary>A WGS 84 position. <see cref="Approximate"/> marks positions not surveyed by us (shown as "approximate").</summary>
public sealed record GeoPoint(double Lat, double Lng, bool Approximate = false)
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>Hoàn Kiếm Lake, the usual reference point for distances from central Hà Nội.</summary>
    public static readonly GeoPoint HoanKiemLake = new(21.0285, 105.8524);

    /// <summary>A generous box around Việt Nam's mainland and islands, for rejecting positions that cannot be here.</summary>
    public bool IsInVietnam => Lat is >= 8.0 and <= 23.5 && Lng is >= 102.0 and <= 117.5;

    public bool IsValid => Lat is >= -90 and <= 90 && Lng is >= -180 and <= 180 && !double.IsNaN(Lat) && !double.IsNaN(Lng);

    /// <summary>Great-circle (haversine) distance in kilometres.</summary>
    public double DistanceKmTo(GeoPoint other)
    {
        var dLat = ToRadians(other.Lat - Lat);
        var dLng = ToRadians(other.Lng - Lng);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(ToRadians(Lat)) * Math.Cos(ToRadians(other.Lat)) * Math.Sin(dLng / 2) * Math.Sin(dLng / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
