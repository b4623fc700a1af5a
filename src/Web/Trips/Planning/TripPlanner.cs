using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Values;

namespace VillageCraftPortal.Web.Trips.Planning;

/// <summary>A place to visit: where it is, how long a visit takes (before the pace), and its hours on a date.</summary>
public sealed record PlanPlace(string Id, GeoPoint Location, int VisitMinutes, Func<DateOnly, DaySchedule> Hours);

/// <summary>Where the days start and end, which days, how fast, and how the traveller gets around.</summary>
public sealed record PlanSettings(GeoPoint Start, DateOnly FirstDay, int Days, TripPace Pace, TravelMode Mode)
{
    public DateOnly DateOf(int day) => FirstDay.AddDays(day);
}

public enum StopProblem
{
    /// <summary>Closed all day on the date (weekly closure, public holiday, Tết, out of season).</summary>
    Closed,

    /// <summary>Open that day, but the visit no longer fits before closing time or the end of the day.</summary>
    NoTime,
}

/// <summary>Times of a visit: on the road, arrival, start (after any wait for opening), departure.</summary>
public sealed record VisitTiming(int TravelMinutes, double RoadKm, TimeOnly Arrive, TimeOnly Start, TimeOnly Depart)
{
    public int WaitMinutes => (int)(Start - Arrive).TotalMinutes;
}

/// <summary>One stop of a day in the traveller's order: timed when it can be visited, otherwise why not.</summary>
public sealed record DayStop(PlanPlace Place, VisitTiming? Timing, StopProblem? Problem, LocalizedText? Reason);

public sealed record DayPlan(
    int Day,
    DateOnly Date,
    IReadOnlyList<DayStop> Stops,
    TimeOnly LeaveAt,
    TimeOnly BackAt,
    int ReturnMinutes,
    int TravelMinutes,
    bool RunsLate);

/// <summary>
/// Plans trips: spreads the stops over the days (a sweep around the start point, balanced by time, with closed
/// stops moved to a day they are open), orders each day with <see cref="DayRouter"/>, and works out the times.
/// </summary>
public static class TripPlanner
{
    /// <summary>The optimised trip: one ordered list of stops per day.</summary>
    public static List<List<PlanPlace>> Optimise(PlanSettings settings, IReadOnlyList<PlanPlace> places)
    {
        var days = Enumerable.Range(0, settings.Days).Select(_ => new List<PlanPlace>()).ToList();
        if (places.Count == 0)
        {
            return days;
        }

        Spread(settings, places, days);
        for (var day = 0; day < days.Count; day++)
        {
            days[day] = OptimiseDay(settings, day, days[day]);
        }

        // Stops a day could not fit go to another day that can take them without losing one of its own.
        for (var day = 0; day < days.Count; day++)
        {
            var visited = Route(settings, day, days[day]).Score.Visited;
            foreach (var place in days[day].Skip(visited).ToList())
            {
                foreach (var other in Enumerable.Range(0, days.Count).Where(d => d != day).OrderBy(d => AngleGap(settings, place, days[d])))
                {
                    var candidate = days[other].Append(place).ToList();
                    var before = Route(settings, other, days[other]).Score.Visited;
                    var route = Route(settings, other, candidate);
                    if (route.Score.Visited == before + 1)
                    {
                        days[day].Remove(place);
                        days[other] = Ordered(candidate, route);
                        break;
                    }
                }
            }
        }

        return days;
    }

    /// <summary>One day's stops in the best order: the ones that fit first, the others after them in the order given.</summary>
    public static List<PlanPlace> OptimiseDay(PlanSettings settings, int day, IReadOnlyList<PlanPlace> places) =>
        Ordered(places, Route(settings, day, places));

    /// <summary>Times for the days as ordered, flagging stops that are closed or no longer fit.</summary>
    public static DayPlan Schedule(PlanSettings settings, int day, IReadOnlyList<PlanPlace> places)
    {
        var problem = Problem(settings, day, places);
        var date = settings.DateOf(day);
        var clock = problem.Start;
        var at = 0;
        var travel = 0;
        var stops = new List<DayStop>(places.Count);
        for (var i = 0; i < places.Count; i++)
        {
            var schedule = places[i].Hours(date);
            if (!Fits(schedule, problem.Visit[i]))
            {
                stops.Add(new DayStop(places[i], null, StopProblem.Closed, schedule.Reason));
                continue;
            }

            var leg = problem.Travel[at, i + 1];
            var start = problem.VisitStart(i, clock + leg);
            if (start < 0 || start + problem.Visit[i] > problem.End)
            {
                stops.Add(new DayStop(places[i], null, StopProblem.NoTime, schedule.Reason));
                continue;
            }

            var from = at == 0 ? settings.Start : places[at - 1].Location;
            var timing = new VisitTiming(leg, TravelModel.RoadKm(from, places[i].Location, settings.Mode), Time(clock + leg), Time(start), Time(start + problem.Visit[i]));
            stops.Add(new DayStop(places[i], timing, null, schedule.Reason));
            travel += leg;
            clock = start + problem.Visit[i];
            at = i + 1;
        }

        var back = problem.Travel[at, 0];
        return new DayPlan(day, date, stops, Time(problem.Start), Time(clock + back), back, travel + back, clock + back > problem.End);
    }

    private static DayRoute Route(PlanSettings settings, int day, IReadOnlyList<PlanPlace> places) =>
        DayRouter.Route(Problem(settings, day, places));

    /// <summary>The day's routing problem in minutes: the travel matrix from the mode, visits from the pace, windows from the date.</summary>
    public static DayProblem Problem(PlanSettings settings, int day, IReadOnlyList<PlanPlace> places)
    {
        var pace = PaceRules.For(settings.Pace);
        var date = settings.DateOf(day);
        var points = places.Select(p => p.Location).Prepend(settings.Start).ToArray();
        var travel = new int[points.Length, points.Length];
        for (var i = 0; i < points.Length; i++)
        {
            for (var j = 0; j < points.Length; j++)
            {
                travel[i, j] = i == j ? 0 : TravelModel.Minutes(points[i], points[j], settings.Mode);
            }
        }

        return new DayProblem
        {
            Start = Minutes(pace.DayStart),
            End = Minutes(pace.DayEnd),
            Travel = travel,
            Visit = [.. places.Select(p => pace.VisitMinutes(p.VisitMinutes))],
            Windows = [.. places.Select(p => Windows(p.Hours(date)))],
        };
    }

    private static List<PlanPlace> Ordered(IReadOnlyList<PlanPlace> places, DayRoute route)
    {
        var order = route.Order.Select(i => places[i]).ToList();
        order.AddRange(places.Where((_, i) => !route.Order.Contains(i)));
        return order;
    }

    /// <summary>
    /// Sorts the stops by bearing from the start, starting after the widest empty sector, and cuts the circle into
    /// consecutive runs of about equal time (visit plus the drive out). A stop closed on its day moves to the open
    /// day whose stops lie in the nearest direction.
    /// </summary>
    private static void Spread(PlanSettings settings, IReadOnlyList<PlanPlace> places, List<List<PlanPlace>> days)
    {
        var pace = PaceRules.For(settings.Pace);
        var byBearing = places.OrderBy(p => Bearing(settings.Start, p.Location)).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        var widest = 0;
        var widestGap = -1.0;
        for (var i = 0; i < byBearing.Count; i++)
        {
            var here = Bearing(settings.Start, byBearing[i].Location);
            var before = Bearing(settings.Start, byBearing[(i + byBearing.Count - 1) % byBearing.Count].Location);
            var gap = i == 0 ? here + 360 - before : here - before;
            if (gap > widestGap)
            {
                (widest, widestGap) = (i, gap);
            }
        }

        var sweep = byBearing.Skip(widest).Concat(byBearing.Take(widest)).ToList();
        double Load(PlanPlace p) => pace.VisitMinutes(p.VisitMinutes) + TravelModel.Minutes(settings.Start, p.Location, settings.Mode);
        var total = sweep.Sum(Load);
        var day = 0;
        var filled = 0.0;
        foreach (var place in sweep)
        {
            var load = Load(place);
            if (day < days.Count - 1 && days[day].Count > 0 && filled + (load / 2) > total * (day + 1) / days.Count)
            {
                day++;
            }

            days[day].Add(place);
            filled += load;
        }

        for (day = 0; day < days.Count; day++)
        {
            foreach (var place in days[day].Where(p => !Fits(p.Hours(settings.DateOf(day)), pace.VisitMinutes(p.VisitMinutes))).ToList())
            {
                var open = Enumerable.Range(0, days.Count)
                    .Where(d => Fits(place.Hours(settings.DateOf(d)), pace.VisitMinutes(place.VisitMinutes)))
                    .OrderBy(d => AngleGap(settings, place, days[d]))
                    .ThenBy(d => days[d].Count)
                    .FirstOrDefault(-1);
                if (open >= 0)
                {
                    days[day].Remove(place);
                    days[open].Add(place);
                }
            }
        }
    }

    /// <summary>How far, in degrees of bearing, a place is from a day's stops (0 for an empty day, which can take anything).</summary>
    private static double AngleGap(PlanSettings settings, PlanPlace place, List<PlanPlace> day)
    {
        if (day.Count == 0)
        {
            return 0;
        }

        var bearing = Bearing(settings.Start, place.Location);
        return day.Min(p => Math.Abs(((Bearing(settings.Start, p.Location) - bearing + 540) % 360) - 180));
    }

    private static double Bearing(GeoPoint from, GeoPoint to)
    {
        var dLng = (to.Lng - from.Lng) * Math.Cos(from.Lat * Math.PI / 180);
        var degrees = Math.Atan2(dLng, to.Lat - from.Lat) * 180 / Math.PI;
        return (degrees + 360) % 360;
    }

    private static bool Fits(DaySchedule schedule, int visit) => schedule.Ranges.Any(r => r.Length.TotalMinutes >= visit);

    private static Window[] Windows(DaySchedule schedule) =>
        [.. schedule.Ranges.Select(r => new Window(Minutes(r.Open), Minutes(r.Close)))];

    private static int Minutes(TimeOnly time) => (time.Hour * 60) + time.Minute;

    /// <summary>A clock time; a day that runs past midnight shows 23:59 and is flagged as running late.</summary>
    private static TimeOnly Time(int minutes) => minutes >= 24 * 60 ? new TimeOnly(23, 59) : new TimeOnly(minutes / 60, minutes % 60);
}
