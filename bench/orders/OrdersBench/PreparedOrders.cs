using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace VillageCraftPortal.Bench.Orders;

/// <summary>
/// The cash-on-delivery order itself over HTTP: carts are first filled and checked out to the review page
/// (untimed, the shop's pages and the driver's HTML parsing out of the figure), then the buyers send the
/// place-order forms back to back and follow each to its confirmation page, which is what is timed.
/// </summary>
public static class PreparedOrders
{
    private const int WarmUp = 64;

    public static async Task<int> RunAsync(Uri baseUrl, int orders, int buyers, IReadOnlyList<string> aliases)
    {
        using var http = HttpBuyer.SharedClient(baseUrl);
        var ready = new ConcurrentQueue<HttpBuyer.ReadyOrder>();
        var failedToPrepare = 0;
        var preparing = Stopwatch.StartNew();
        await Parallel.ForAsync(0, orders + WarmUp, new ParallelOptions { MaxDegreeOfParallelism = buyers }, async (n, _) =>
        {
            if (await new HttpBuyer(http, aliases, n).PrepareAsync() is { } order)
            {
                ready.Enqueue(order);
            }
            else
            {
                Interlocked.Increment(ref failedToPrepare);
            }
        });
        Console.Error.WriteLine($"prepared {ready.Count} carts in {preparing.Elapsed.TotalSeconds:F0} s ({failedToPrepare} failed)");

        await Place(ready, WarmUp, buyers);
        var (placed, failed, latencies, elapsed) = await Place(ready, int.MaxValue, buyers);
        return Report("cod", buyers, elapsed, placed, failed + failedToPrepare, latencies);
    }

    /// <summary>The line run.sh reads; exit code 1 when more than 1% failed.</summary>
    public static int Report(string mode, int buyers, double seconds, int orders, int failures, List<double> latencies)
    {
        latencies.Sort();
        double Percentile(double p) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mode={mode} buyers={buyers} seconds={seconds:F1} orders={orders} failures={failures} orders_per_second={orders / seconds:F1} p50_ms={Percentile(0.50):F1} p95_ms={Percentile(0.95):F1} p99_ms={Percentile(0.99):F1}"));
        return failures > orders / 100 ? 1 : 0;
    }

    private static async Task<(int Placed, int Failed, List<double> Latencies, double Seconds)> Place(ConcurrentQueue<HttpBuyer.ReadyOrder> ready, int count, int buyers)
    {
        var taken = 0;
        var placed = 0;
        var failed = 0;
        var all = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, buyers).Select(async _ =>
        {
            while (Interlocked.Increment(ref taken) <= count && ready.TryDequeue(out var order))
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await order.PlaceAsync();
                all.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref ok ? ref placed : ref failed);
            }
        }));
        return (placed, failed, [.. all], clock.Elapsed.TotalSeconds);
    }
}
