using VillageCraftPortal.Web.Content.Values;

namespace VillageCraftPortal.Web.Trips.Planning;

public enum TravelMode
{
    Car,
    Motorbike,
    Bus,
}

public enum TripPace
{
    Relaxed,
    Normal,
    Packed,
}

/// <summary>
/// Offline travel-time estimates: the great-circle distance, stretched by a circuity factor for the road network,
/// at an assumed door-to-door speed, plus a fixed time per leg (hailing and parking, or waiting for a bus).
/// </summary>
/// <remarks>
/// The constants are assumptions, not measurements: they are chosen to be plausible for Hà Nội's ring roads and the
/// provincial roads out to the craft villages in daytime traffic. A circuity of about 1.3–1.5 is typical of road
/// networks compared with straight lines; buses are slower because of stops and transfers, and each bus leg adds a
/// wait. The plan shows its times as estimates and every stop links to real directions.
/// </remarks>
public static class TravelModel
{
    public static TravelConstants For(TravelMode mode) => mode switch
    {
        TravelMode.Motorbike => new(Circuity: 1.3, SpeedKmh: 28, FixedMinutesPerLeg: 3),
        TravelMode.Bus => new(Circuity: 1.45, SpeedKmh: 16, FixedMinutesPerLeg: 12),
        _ => new(Circuity: 1.35, SpeedKmh: 30, FixedMinutesPerLeg: 5),
    };

    /// <summary>Whole minutes from one point to another; zero between points closer than 50 m (the same place).</summary>
    public static int Minutes(GeoPoint from, GeoPoint to, TravelMode mode)
    {
        var km = from.DistanceKmTo(to);
        if (km < 0.05)
        {
            return 0;
        }

        var constants = For(mode);
        return constants.FixedMinutesPerLeg + (int)Math.Ceiling(km * constants.Circuity / constants.SpeedKmh * 60);
    }

    public static double RoadKm(GeoPoint from, GeoPoint to, TravelMode mode) => from.DistanceKmTo(to) * For(mode).Circuity;
}

public readonly record struct TravelConstants(double Circuity, double SpeedKmh, int FixedMinutesPerLeg);

/// <summary>What the pace changes: when the day starts and ends, and how long a visit lasts against its listed duration.</summary>
public readonly record struct PaceRules(TimeOnly DayStart, TimeOnly DayEnd, double VisitFactor)
{
    public static PaceRules For(TripPace pace) => pace switch
    {
        TripPace.Relaxed => new(new TimeOnly(9, 0), new TimeOnly(17, 30), 1.25),
        TripPace.Packed => new(new TimeOnly(7, 30), new TimeOnly(19, 0), 0.8),
        _ => new(new TimeOnly(8, 30), new TimeOnly(18, 0), 1.0),
    };

    public int VisitMinutes(int listed) => Math.Max(15, (int)Math.Round(listed * VisitFactor / 5) * 5);
}
