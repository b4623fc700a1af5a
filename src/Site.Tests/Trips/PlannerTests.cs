using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Values;
using VillageCraftPortal.Web.Trips.Planning;

namespace VillageCraftPortal.Site.Tests.Trips;

public sealed class PlannerTests
{
    private static readonly DateOnly Monday = new(2027, 3, 1);

    [Fact]
    public void On_random_days_the_exact_router_matches_brute_force()
    {
        var random = new Random(20261128);
        var checkedWithClosures = 0;
        for (var instance = 0; instance < 300; instance++)
        {
            var problem = RandomProblem(random, random.Next(1, 8));
            var route = DayRouter.Route(problem);
            var best = BruteForce(problem);

            Assert.Equal(best, route.Score);
            Assert.Equal(route.Score, DayRouter.Evaluate(problem, route.Order));
            checkedWithClosures += best.Visited < problem.Count ? 1 : 0;
        }

        // The instances must exercise the hard part too: days where not every stop fits.
        Assert.InRange(checkedWithClosures, 30, 270);
    }

    [Fact]
    public void Above_ten_stops_the_heuristic_gives_a_feasible_route_no_worse_than_nearest_neighbour()
    {
        var random = new Random(7);
        for (var instance = 0; instance < 20; instance++)
        {
            var problem = RandomProblem(random, random.Next(11, 31), openAllDay: true, dayMinutes: 16 * 60);
            var route = DayRouter.Route(problem);

            Assert.Equal(route.Score, DayRouter.Evaluate(problem, route.Order));
            Assert.Equal(route.Order.Count, route.Order.Distinct().Count());
            var greedy = NearestNeighbour(problem);
            Assert.True(route.Score <= DayRouter.Evaluate(problem, greedy), $"{route.Score} against nearest neighbour {DayRouter.Evaluate(problem, greedy)}");
        }
    }

    [Fact]
    public void A_visit_waits_for_opening_and_never_runs_through_the_lunch_break()
    {
        var settings = new PlanSettings(GeoPoint.HoanKiemLake, Monday, 1, TripPace.Normal, TravelMode.Car);
        var afternoonOnly = Place("afternoon", 21.0, 105.9, 120, "13:30-17:00");
        var lunchBreak = Place("lunch", 21.01, 105.86, 150, "08:00-11:30, 13:30-17:00");

        var plan = TripPlanner.Schedule(settings, 0, [lunchBreak, afternoonOnly]);

        var first = plan.Stops[0].Timing!;
        Assert.Equal(new TimeOnly(8, 30), plan.LeaveAt);
        Assert.True(first.Start >= new TimeOnly(8, 0) && first.Depart <= new TimeOnly(11, 30), $"{first.Start}–{first.Depart}");
        var second = plan.Stops[1].Timing!;
        Assert.Equal(new TimeOnly(13, 30), second.Start);
        Assert.True(second.WaitMinutes > 0);
        Assert.Equal(new TimeOnly(15, 30), second.Depart);
    }

    [Fact]
    public void A_visit_longer_than_the_morning_moves_to_the_afternoon()
    {
        var settings = new PlanSettings(GeoPoint.HoanKiemLake, Monday, 1, TripPace.Normal, TravelMode.Car);
        var place = Place("long", 21.03, 105.86, 200, "08:00-11:30, 13:30-17:00");

        var stop = TripPlanner.Schedule(settings, 0, [place]).Stops.Single();

        Assert.Equal(new TimeOnly(13, 30), stop.Timing!.Start);
    }

    [Fact]
    public void A_stop_closed_on_its_day_is_flagged_with_the_reason_and_the_optimiser_moves_it()
    {
        var tet = new LocalizedText { ["vi"] = "Nghỉ Tết", ["en"] = "Closed for Tết" };
        var closedMonday = new PlanPlace("closed-monday", new GeoPoint(21.0, 105.92), 60, date => date == Monday
            ? new DaySchedule(date, [], tet)
            : new DaySchedule(date, [Range("08:00-17:00")], null));
        var settings = new PlanSettings(GeoPoint.HoanKiemLake, Monday, 2, TripPace.Normal, TravelMode.Car);

        var asGiven = TripPlanner.Schedule(settings, 0, [closedMonday]);
        Assert.Equal(StopProblem.Closed, asGiven.Stops.Single().Problem);
        Assert.Equal("Closed for Tết", asGiven.Stops.Single().Reason!.For("en").Value);

        var days = TripPlanner.Optimise(settings, [closedMonday, Place("open", 21.0, 105.93, 60, "08:00-17:00")]);
        Assert.DoesNotContain(closedMonday, days[0]);
        Assert.Contains(closedMonday, days[1]);
        Assert.Null(TripPlanner.Schedule(settings, 1, days[1]).Stops.Single(s => s.Place == closedMonday).Problem);
    }

    [Fact]
    public void A_stop_that_arrives_after_closing_is_flagged_not_timed()
    {
        var settings = new PlanSettings(GeoPoint.HoanKiemLake, Monday, 1, TripPace.Normal, TravelMode.Bus);
        var early = Place("early", 21.2, 105.6, 60, "07:00-08:45");

        var stop = TripPlanner.Schedule(settings, 0, [early]).Stops.Single();

        Assert.Equal(StopProblem.NoTime, stop.Problem);
        Assert.Null(stop.Timing);
    }

    [Fact]
    public void Thirty_stops_over_five_days_place_every_stop_once_and_keep_the_days_balanced()
    {
        var random = new Random(30);
        var places = Enumerable.Range(0, 30)
            .Select(i => Place($"p{i}", 20.9 + (random.NextDouble() * 0.3), 105.6 + (random.NextDouble() * 0.4), 45, "08:00-11:30, 13:30-17:30"))
            .ToList();
        var settings = new PlanSettings(GeoPoint.HoanKiemLake, Monday, 5, TripPace.Packed, TravelMode.Car);

        var days = TripPlanner.Optimise(settings, places);

        Assert.Equal(5, days.Count);
        Assert.Equal(places.OrderBy(p => p.Id), days.SelectMany(d => d).OrderBy(p => p.Id));
        Assert.All(days, day => Assert.InRange(day.Count, 3, 10));
        var plans = days.Select((day, i) => TripPlanner.Schedule(settings, i, day)).ToList();
        Assert.All(plans, plan => Assert.All(plan.Stops, s => Assert.Null(s.Problem)));
    }

    [Fact]
    public void The_pace_sets_the_day_and_the_length_of_visits()
    {
        var place = Place("p", 21.0, 105.9, 60, "07:00-20:00");
        var relaxed = TripPlanner.Schedule(new PlanSettings(GeoPoint.HoanKiemLake, Monday, 1, TripPace.Relaxed, TravelMode.Car), 0, [place]);
        var packed = TripPlanner.Schedule(new PlanSettings(GeoPoint.HoanKiemLake, Monday, 1, TripPace.Packed, TravelMode.Car), 0, [place]);

        Assert.Equal(new TimeOnly(9, 0), relaxed.LeaveAt);
        Assert.Equal(75, (relaxed.Stops[0].Timing!.Depart - relaxed.Stops[0].Timing!.Start).TotalMinutes);
        Assert.Equal(new TimeOnly(7, 30), packed.LeaveAt);
        Assert.Equal(50, (packed.Stops[0].Timing!.Depart - packed.Stops[0].Timing!.Start).TotalMinutes);
    }

    [Theory]
    [InlineData(TravelMode.Car, 12.0, 5 + 33)] // 12 × 1.35 / 30 km/h = 32.4 min, rounded up
    [InlineData(TravelMode.Motorbike, 12.0, 3 + 34)] // 12 × 1.3 / 28 km/h = 33.4 min
    [InlineData(TravelMode.Bus, 12.0, 12 + 66)] // 12 × 1.45 / 16 km/h = 65.25 min
    public void Travel_time_is_distance_times_circuity_at_the_mode_speed_plus_a_fixed_time(TravelMode mode, double km, int minutes)
    {
        // Due north of the lake: 1° of latitude is about 111.2 km.
        var north = new GeoPoint(GeoPoint.HoanKiemLake.Lat + (km / 111.195), GeoPoint.HoanKiemLake.Lng);

        Assert.Equal(minutes, TravelModel.Minutes(GeoPoint.HoanKiemLake, north, mode));
        Assert.Equal(0, TravelModel.Minutes(GeoPoint.HoanKiemLake, GeoPoint.HoanKiemLake, mode));
    }

    private static PlanPlace Place(string id, double lat, double lng, int minutes, string hours)
    {
        Assert.True(TimeRange.TryParseList(hours, out var ranges));
        return new PlanPlace(id, new GeoPoint(lat, lng), minutes, date => new DaySchedule(date, ranges, null));
    }

    private static TimeRange Range(string text)
    {
        Assert.True(TimeRange.TryParse(text, out var range));
        return range;
    }

    /// <summary>Points around Hà Nội; windows from none (closed) to a split day; visits long enough that some days overflow.</summary>
    private static DayProblem RandomProblem(Random random, int n, bool openAllDay = false, int dayMinutes = 9 * 60)
    {
        var points = Enumerable.Range(0, n + 1).Select(_ => new GeoPoint(20.85 + (random.NextDouble() * 0.4), 105.6 + (random.NextDouble() * 0.5))).ToArray();
        var travel = new int[n + 1, n + 1];
        for (var i = 0; i <= n; i++)
        {
            for (var j = 0; j <= n; j++)
            {
                travel[i, j] = i == j ? 0 : TravelModel.Minutes(points[i], points[j], TravelMode.Car);
            }
        }

        Window[] Windows() => openAllDay ? [new Window(0, 24 * 60)] : random.Next(6) switch
        {
            0 => [],
            1 => [new Window(480, 690), new Window(810, 1020)],
            2 => [new Window(780, 1080)],
            3 => [new Window(random.Next(480, 900), 1100)],
            _ => [new Window(480, 1020)],
        };

        return new DayProblem
        {
            Start = 510,
            End = 510 + dayMinutes,
            Travel = travel,
            Visit = [.. Enumerable.Range(0, n).Select(_ => random.Next(2, 25) * 5)],
            Windows = [.. Enumerable.Range(0, n).Select(_ => Windows())],
        };
    }

    /// <summary>Every order of every subset of the stops, scored as the router scores.</summary>
    private static RouteScore BruteForce(DayProblem problem)
    {
        var best = DayRouter.Evaluate(problem, []);
        var order = new List<int>();
        var used = new bool[problem.Count];
        void Extend()
        {
            var score = DayRouter.Evaluate(problem, order);
            if (score.Visited >= 0 && score < best)
            {
                best = score;
            }

            for (var stop = 0; stop < problem.Count; stop++)
            {
                if (!used[stop])
                {
                    used[stop] = true;
                    order.Add(stop);
                    Extend();
                    order.RemoveAt(order.Count - 1);
                    used[stop] = false;
                }
            }
        }

        Extend();
        return best;
    }

    private static List<int> NearestNeighbour(DayProblem problem)
    {
        var order = new List<int>();
        var at = 0;
        var left = Enumerable.Range(0, problem.Count).ToHashSet();
        while (left.Count > 0)
        {
            var next = left.MinBy(s => problem.Travel[at, s + 1]);
            order.Add(next);
            left.Remove(next);
            at = next + 1;
        }

        return order;
    }
}
