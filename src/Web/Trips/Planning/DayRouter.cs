using System.Numerics;

namespace VillageCraftPortal.Web.Trips.Planning;

/// <summary>An opening window within one day, in minutes after midnight.</summary>
public readonly record struct Window(int Open, int Close);

/// <summary>
/// One day's routing problem, all in whole minutes after midnight. Index 0 of <see cref="Travel"/> is the start point
/// (left at <see cref="Start"/>, reached again by <see cref="End"/>); stop <c>i</c> is index <c>i + 1</c>. A visit
/// must fit inside one of its stop's windows: a visit cannot run through a lunch break or past closing time.
/// </summary>
public sealed class DayProblem
{
    public required int Start { get; init; }

    public required int End { get; init; }

    public required int[,] Travel { get; init; }

    public required int[] Visit { get; init; }

    public required Window[][] Windows { get; init; }

    public int Count => Visit.Length;

    /// <summary>When a visit arriving at <paramref name="arrive"/> can start, or -1 when no window has room for it.</summary>
    public int VisitStart(int stop, int arrive)
    {
        foreach (var window in Windows[stop])
        {
            var start = Math.Max(arrive, window.Open);
            if (start + Visit[stop] <= window.Close)
            {
                return start;
            }
        }

        return -1;
    }
}

/// <summary>
/// A route's quality, best first: more stops visited, then less time on the road (the way back included), then an
/// earlier return.
/// </summary>
public readonly record struct RouteScore(int Visited, int TravelMinutes, int ReturnAt) : IComparable<RouteScore>
{
    public static readonly RouteScore Infeasible = new(-1, int.MaxValue, int.MaxValue);

    public int CompareTo(RouteScore other) =>
        Visited != other.Visited ? other.Visited.CompareTo(Visited)
        : TravelMinutes != other.TravelMinutes ? TravelMinutes.CompareTo(other.TravelMinutes)
        : ReturnAt.CompareTo(other.ReturnAt);

    public static bool operator <(RouteScore left, RouteScore right) => left.CompareTo(right) < 0;

    public static bool operator >(RouteScore left, RouteScore right) => left.CompareTo(right) > 0;

    public static bool operator <=(RouteScore left, RouteScore right) => left.CompareTo(right) <= 0;

    public static bool operator >=(RouteScore left, RouteScore right) => left.CompareTo(right) >= 0;
}

/// <summary>The stops a day visits, in order (indices into the problem's stops), and its score.</summary>
public sealed record DayRoute(IReadOnlyList<int> Order, RouteScore Score);

/// <summary>
/// Orders one day's stops. Up to <see cref="ExactLimit"/> stops the answer is optimal: a Held-Karp dynamic programme
/// over (set of stops visited, last stop) that keeps, per state, every label not dominated in both road time and
/// clock time. Waiting for a place to open is allowed, so arriving earlier is never worse and the pruning is exact.
/// When not every stop fits (closing times, the end of the day), it visits as many as it can. Above the limit it
/// builds the route by cheapest feasible insertion and improves it with relocation and 2-opt moves.
/// </summary>
public static class DayRouter
{
    public const int ExactLimit = 10;

    public static DayRoute Route(DayProblem problem) =>
        problem.Count <= ExactLimit ? Exact(problem) : Heuristic(problem);

    /// <summary>Follows an order as given: <see cref="RouteScore.Infeasible"/> when a stop cannot be visited in that order or the day runs over.</summary>
    public static RouteScore Evaluate(DayProblem problem, IReadOnlyList<int> order)
    {
        var clock = problem.Start;
        var travel = 0;
        var at = 0;
        foreach (var stop in order)
        {
            var leg = problem.Travel[at, stop + 1];
            var start = problem.VisitStart(stop, clock + leg);
            if (start < 0)
            {
                return RouteScore.Infeasible;
            }

            travel += leg;
            clock = start + problem.Visit[stop];
            at = stop + 1;
        }

        var back = problem.Travel[at, 0];
        return clock + back <= problem.End ? new RouteScore(order.Count, travel + back, clock + back) : RouteScore.Infeasible;
    }

    private sealed record Label(int Mask, int Last, int Travel, int Clock, Label? Parent);

    private static DayRoute Exact(DayProblem problem)
    {
        var n = problem.Count;
        var states = new List<Label>?[(1 << n) * Math.Max(n, 1)];
        for (var stop = 0; stop < n; stop++)
        {
            var leg = problem.Travel[0, stop + 1];
            var start = problem.VisitStart(stop, problem.Start + leg);
            if (start >= 0)
            {
                Add(states, n, new Label(1 << stop, stop, leg, start + problem.Visit[stop], null));
            }
        }

        var best = new RouteScore(0, 0, problem.Start);
        Label? bestLabel = null;
        for (var mask = 1; mask < 1 << n; mask++)
        {
            for (var last = 0; last < n; last++)
            {
                if (states[(mask * n) + last] is not { } labels)
                {
                    continue;
                }

                foreach (var label in labels)
                {
                    var back = problem.Travel[last + 1, 0];
                    if (label.Clock + back <= problem.End)
                    {
                        var score = new RouteScore(BitOperations.PopCount((uint)mask), label.Travel + back, label.Clock + back);
                        if (score < best)
                        {
                            (best, bestLabel) = (score, label);
                        }
                    }

                    for (var next = 0; next < n; next++)
                    {
                        if ((mask & (1 << next)) != 0)
                        {
                            continue;
                        }

                        var leg = problem.Travel[last + 1, next + 1];
                        var start = problem.VisitStart(next, label.Clock + leg);
                        if (start >= 0)
                        {
                            Add(states, n, new Label(mask | (1 << next), next, label.Travel + leg, start + problem.Visit[next], label));
                        }
                    }
                }
            }
        }

        var order = new List<int>();
        for (var label = bestLabel; label is not null; label = label.Parent)
        {
            order.Add(label.Last);
        }

        order.Reverse();
        return new DayRoute(order, best);
    }

    /// <summary>Keeps the label unless another is no worse in both road time and clock; drops the ones it beats.</summary>
    private static void Add(List<Label>?[] states, int n, Label label)
    {
        var labels = states[(label.Mask * n) + label.Last] ??= [];
        foreach (var other in labels)
        {
            if (other.Travel <= label.Travel && other.Clock <= label.Clock)
            {
                return;
            }
        }

        labels.RemoveAll(other => label.Travel <= other.Travel && label.Clock <= other.Clock);
        labels.Add(label);
    }

    private static DayRoute Heuristic(DayProblem problem)
    {
        var route = new List<int>();
        var score = Evaluate(problem, route);
        var outside = Enumerable.Range(0, problem.Count).ToHashSet();
        for (var pass = 0; pass < 50; pass++)
        {
            var improved = InsertCheapest(problem, route, outside, ref score);
            improved |= Relocate(problem, route, ref score);
            improved |= TwoOpt(problem, route, ref score);
            if (!improved)
            {
                break;
            }
        }

        return new DayRoute(route, score);
    }

    /// <summary>Inserts stops one at a time where they add the least road time, while any still fits.</summary>
    private static bool InsertCheapest(DayProblem problem, List<int> route, HashSet<int> outside, ref RouteScore score)
    {
        var any = false;
        while (true)
        {
            var best = RouteScore.Infeasible;
            (int Stop, int At) move = (-1, -1);
            foreach (var stop in outside)
            {
                for (var at = 0; at <= route.Count; at++)
                {
                    route.Insert(at, stop);
                    var candidate = Evaluate(problem, route);
                    route.RemoveAt(at);
                    if (candidate.Visited >= 0 && candidate < best)
                    {
                        (best, move) = (candidate, (stop, at));
                    }
                }
            }

            if (move.Stop < 0)
            {
                return any;
            }

            route.Insert(move.At, move.Stop);
            outside.Remove(move.Stop);
            score = best;
            any = true;
        }
    }

    private static bool Relocate(DayProblem problem, List<int> route, ref RouteScore score)
    {
        var any = false;
        for (var from = 0; from < route.Count; from++)
        {
            for (var to = 0; to < route.Count; to++)
            {
                if (from == to)
                {
                    continue;
                }

                var stop = route[from];
                route.RemoveAt(from);
                route.Insert(to, stop);
                var candidate = Evaluate(problem, route);
                if (candidate.Visited >= 0 && candidate < score)
                {
                    score = candidate;
                    any = true;
                }
                else
                {
                    route.RemoveAt(to);
                    route.Insert(from, stop);
                }
            }
        }

        return any;
    }

    private static bool TwoOpt(DayProblem problem, List<int> route, ref RouteScore score)
    {
        var any = false;
        for (var i = 0; i < route.Count - 1; i++)
        {
            for (var j = i + 1; j < route.Count; j++)
            {
                route.Reverse(i, j - i + 1);
                var candidate = Evaluate(problem, route);
                if (candidate.Visited >= 0 && candidate < score)
                {
                    score = candidate;
                    any = true;
                }
                else
                {
                    route.Reverse(i, j - i + 1);
                }
            }
        }

        return any;
    }
}
