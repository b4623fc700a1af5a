using VillageCraftPortal.Web.Content.Values;
using VillageCraftPortal.Web.Trips.Planning;

namespace VillageCraftPortal.Bench.Trips;

/// <summary>One generated planning request: the settings and the stops the traveller picked.</summary>
internal sealed record Instance(PlanSettings Settings, IReadOnlyList<PlanPlace> Places);

/// <summary>
/// Generates trips like the site's: stops scattered 10–45 km from Hoàn Kiếm Lake inside a box around Hà Nội's craft
/// villages, visits of 45–150 minutes, hours with and without a lunch break or afternoon-only, some weekdays closed,
/// and a first day on any weekday so the closures fall on different days of the trip. Fixed seed: same instances every run.
/// </summary>
internal sealed class Instances(int seed)
{
    // Weighted as the real centres are: most close for lunch or keep office hours, a few open afternoons only.
    private static readonly (string Text, int Weight)[] HourPatterns =
    [
        ("08:00-11:30, 13:30-17:00", 45),
        ("08:00-17:00", 40),
        ("13:30-17:00", 15),
    ];

    // A Monday; each instance starts 0–6 days later.
    private static readonly DateOnly FirstMonday = new(2026, 12, 7);

    private readonly Random _random = new(seed);
    private readonly IReadOnlyList<TimeRange>[] _ranges = [.. HourPatterns.Select(p => Parse(p.Text))];

    public Instance Next(int stops, int days, TripPace pace, TravelMode mode)
    {
        var settings = new PlanSettings(GeoPoint.HoanKiemLake, FirstMonday.AddDays(_random.Next(7)), days, pace, mode);
        var places = Enumerable.Range(0, stops).Select(i => Place($"p{i:D2}")).ToList();
        return new Instance(settings, places);
    }

    private PlanPlace Place(string id)
    {
        GeoPoint location;
        double km;
        do
        {
            location = new GeoPoint(20.85 + (_random.NextDouble() * 0.40), 105.55 + (_random.NextDouble() * 0.50));
            km = GeoPoint.HoanKiemLake.DistanceKmTo(location);
        }
        while (km is < 10 or > 45);

        var visit = 45 + (5 * _random.Next(0, 22));
        var ranges = _ranges[PickPattern()];
        var closed = Closures();
        return new PlanPlace(id, location, visit, date => new DaySchedule(date, closed.Contains(date.DayOfWeek) ? [] : ranges, null));
    }

    private int PickPattern()
    {
        var roll = _random.Next(HourPatterns.Sum(p => p.Weight));
        for (var i = 0; i < HourPatterns.Length; i++)
        {
            roll -= HourPatterns[i].Weight;
            if (roll < 0)
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>60 % open every day, 25 % closed on one weekday (Monday most often), 15 % closed on two.</summary>
    private HashSet<DayOfWeek> Closures()
    {
        var roll = _random.Next(100);
        return roll switch
        {
            < 60 => [],
            < 85 => [_random.Next(2) == 0 ? DayOfWeek.Monday : (DayOfWeek)_random.Next(7)],
            _ => TwoDays(_random.Next(7), _random.Next(1, 7)),
        };

        static HashSet<DayOfWeek> TwoDays(int first, int after) => [(DayOfWeek)first, (DayOfWeek)((first + after) % 7)];
    }

    private static IReadOnlyList<TimeRange> Parse(string text) =>
        TimeRange.TryParseList(text, out var ranges) ? ranges : throw new FormatException(text);
}
