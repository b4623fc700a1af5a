using VillageCraftPortal.Web.Trips.Planning;

namespace VillageCraftPortal.Bench.Trips;

/// <summary>
/// The reference for one day: every order of every subset of the stops, each followed with
/// <see cref="DayRouter.Evaluate"/>, keeping the best score. Deliberately no pruning, so it does not depend on any
/// property of the travel model (such as the triangle inequality) that the optimiser might rely on.
/// </summary>
internal static class BruteForce
{
    public static (RouteScore Best, long Orders) Best(DayProblem problem)
    {
        var n = problem.Count;
        var best = DayRouter.Evaluate(problem, []);
        var orders = 0L;
        var order = new List<int>(n);
        var used = new bool[n];

        void Extend()
        {
            for (var stop = 0; stop < n; stop++)
            {
                if (used[stop])
                {
                    continue;
                }

                used[stop] = true;
                order.Add(stop);
                var score = DayRouter.Evaluate(problem, order);
                orders++;
                if (score.Visited >= 0 && score < best)
                {
                    best = score;
                }

                Extend();
                order.RemoveAt(order.Count - 1);
                used[stop] = false;
            }
        }

        Extend();
        return (best, orders);
    }
}
