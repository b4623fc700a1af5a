using System.Diagnostics;
using System.Globalization;
using VillageCraftPortal.Bench.Trips;
using VillageCraftPortal.Web.Trips.Planning;

// Usage: TripBench [instances=300] [warm-up=30] [exhaustive-search instances=20]
// Times TripPlanner.Optimise plus Schedule of every day, per generated trip, for the two trips of issue 7, and checks
// the one-day optimiser against an exhaustive search on a few of the same instances. Prints Markdown to stdout.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
var (count, warmUp, bruteCount) = (Arg(0, 300), Arg(1, 30), Arg(2, 20));
const double TargetMs = 50;
void Say(string line) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");

var scenarios = new[]
{
    new Scenario("10 stops, 1 day", Stops: 10, Days: 1, Seed: 71),
    new Scenario("30 stops, 5 days", Stops: 30, Days: 5, Seed: 72),
};
var results = new List<(Scenario Scenario, Measured Measured)>();
List<Instance>? oneDay = null;
using var process = Process.GetCurrentProcess();
foreach (var scenario in scenarios)
{
    // All instances are generated before timing; warm-up instances come from the same stream and are never re-used.
    var generator = new Instances(scenario.Seed);
    var warm = Enumerable.Range(0, warmUp).Select(_ => generator.Next(scenario.Stops, scenario.Days, TripPace.Packed, TravelMode.Car)).ToList();
    var measured = Enumerable.Range(0, count).Select(_ => generator.Next(scenario.Stops, scenario.Days, TripPace.Packed, TravelMode.Car)).ToList();
    oneDay ??= measured;
    Run(warm, record: null);
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var figures = new Measured();
    var cpuBefore = process.TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    Run(measured, figures);
    process.Refresh();
    figures.CpuShare = (process.TotalProcessorTime - cpuBefore) / wall.Elapsed;
    results.Add((scenario, figures));
    Say($"{scenario.Name}: {warmUp} + {count} instances in {wall.Elapsed.TotalSeconds:F1} s, p99 {figures.Times.Percentile(99):F2} ms");
}

// The reference: the first few measured one-day instances solved by exhaustive search.
var brute = new Latencies();
var router = new Latencies();
var mismatches = 0;
var bruteVisited = 0;
long orders = 0;
var bruteInstances = (oneDay ?? []).Take(bruteCount).ToList();
foreach (var instance in bruteInstances)
{
    var problem = TripPlanner.Problem(instance.Settings, 0, instance.Places);
    var start = Stopwatch.GetTimestamp();
    var (best, evaluated) = BruteForce.Best(problem);
    brute.Add(Elapsed.Milliseconds(start));
    start = Stopwatch.GetTimestamp();
    var route = DayRouter.Route(problem);
    router.Add(Elapsed.Milliseconds(start));
    orders = evaluated;
    bruteVisited += best.Visited;
    if (route.Score != best)
    {
        mismatches++;
        Say($"mismatch: router {route.Score}, exhaustive {best}");
    }
}

Say($"exhaustive search on {bruteInstances.Count} instances: {mismatches} mismatches");
process.Refresh();
var peakMb = process.PeakWorkingSet64 / 1048576.0;

static string F(double value, string format = "F2") => value.ToString(format, CultureInfo.InvariantCulture);
Console.WriteLine($"Instances: generated with fixed seeds, {count} measured per trip after {warmUp} warm-up (different instances), single thread. "
    + "Stops scattered 10–45 km from Hoàn Kiếm Lake (lat 20.85–21.25, lng 105.55–106.05), visits 45–150 min (× 0.8 at the Packed pace), "
    + "hours `08:00-11:30, 13:30-17:00` (45 %), `08:00-17:00` (40 %) or `13:30-17:00` (15 %), 40 % of places closed on one or two weekdays, "
    + "first day on a random weekday; pace Packed (07:30–19:00), car. One instance's time is `TripPlanner.Optimise` plus `TripPlanner.Schedule` of every day "
    + "(Stopwatch). Stops placed: stops the schedule gives times to (not closed, fitting), out of those asked for. "
    + "CPU share: the process's CPU time over wall time while the measured instances ran; it includes background JIT tier-up and GC threads, "
    + "so it can pass 100 %; well below 100 % would mean the run waited for a core.");
Console.WriteLine();
Console.WriteLine("| Trip | Instances | p50 ms | p95 ms | p99 ms | max ms | mean ms | Stops placed (avg) | Days running late | CPU share | Target p99 | |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
foreach (var (scenario, m) in results)
{
    var p99 = m.Times.Percentile(99);
    Console.WriteLine($"| {scenario.Name} | {m.Times.Count} | {F(m.Times.Percentile(50))} | {F(m.Times.Percentile(95))} | **{F(p99)}** | {F(m.Times.Max)} | {F(m.Times.Mean)} "
        + $"| {F(m.Placed / (double)m.Times.Count, "F1")} of {scenario.Stops} | {m.LateDays} | {F(m.CpuShare * 100, "F0")} % | ≤ {F(TargetMs, "F0")} | {(p99 <= TargetMs ? "met" : "**missed**")} |");
}

Console.WriteLine();
Console.WriteLine($"Reference (same run): exhaustive search of the first {bruteInstances.Count} one-day instances — every order of every subset of the 10 stops "
    + $"({orders:N0} non-empty orders each, plus the empty day), each followed with `DayRouter.Evaluate` on `TripPlanner.Problem(settings, 0, places)`, no pruning.");
Console.WriteLine();
Console.WriteLine("| Reference | Instances | Mean ms per instance | Max ms | Stops visited (avg) | `DayRouter.Route(problem).Score` ≠ exhaustive best |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
Console.WriteLine($"| Exhaustive search | {brute.Count} | {F(brute.Mean, "F0")} | {F(brute.Max, "F0")} | {F(bruteVisited / (double)Math.Max(1, brute.Count), "F1")} of 10 | **{mismatches}** |");
Console.WriteLine($"| `DayRouter.Route` on the same problems | {router.Count} | {F(router.Mean)} | {F(router.Max)} | | |");
Console.WriteLine();
Console.WriteLine($"Process peak working set: {F(peakMb, "F0")} MB (server GC).");
return mismatches == 0 ? 0 : 1;

static void Run(List<Instance> instances, Measured? record)
{
    foreach (var instance in instances)
    {
        var start = Stopwatch.GetTimestamp();
        var days = TripPlanner.Optimise(instance.Settings, instance.Places);
        var plans = new DayPlan[days.Count];
        for (var day = 0; day < days.Count; day++)
        {
            plans[day] = TripPlanner.Schedule(instance.Settings, day, days[day]);
        }

        var elapsed = Elapsed.Milliseconds(start);
        if (record is not null)
        {
            record.Times.Add(elapsed);
            record.Placed += plans.Sum(p => p.Stops.Count(s => s.Timing is not null));
            record.LateDays += plans.Count(p => p.RunsLate);
        }
    }
}

internal sealed record Scenario(string Name, int Stops, int Days, int Seed);

internal sealed class Measured
{
    public Latencies Times { get; } = new();

    public int Placed { get; set; }

    public int LateDays { get; set; }

    public double CpuShare { get; set; }
}
