using System.Diagnostics;
using System.Globalization;
using VillageCraftPortal.Bench.Orders;

// Usage:
//   OrdersBench http  <base-url> <seconds> <buyers> <product-alias>...   buyers walk the shop's pages to a COD order
//   OrdersBench cod   <base-url> <orders> <buyers> <product-alias>...    carts made ready untimed, then the buyers
//                                                                         send the place-order forms (timed)
//   OrdersBench place <provider> <connection> <seconds> <buyers>          OrderPlacement in process, as checkout calls it
//   OrdersBench stock <provider> <connection>                             every variant to a million in stock (ledgered)
if (args is ["stock", var store, var connection])
{
    await PlacementBuyer.RaiseStockAsync(store, connection);
    return 0;
}

if (args.Length < 5)
{
    Console.Error.WriteLine("usage: OrdersBench http|cod <base-url> <seconds|orders> <buyers> <alias>... | place <sqlite|postgres> <connection> <seconds> <buyers>");
    return 2;
}

if (args[0] == "cod")
{
    return await PreparedOrders.RunAsync(new Uri(args[1]), int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture), args[4..]);
}

using var shared = HttpBuyer.SharedClient(new Uri(args[0] == "http" ? args[1] : "http://127.0.0.1/"));

// http: <base-url> <seconds> <buyers> <aliases…>; place: <provider> <connection> <seconds> <buyers>.
var numbers = args[0] == "place" ? args[3..5] : args[2..4];
var seconds = int.Parse(numbers[0], CultureInfo.InvariantCulture);
var buyers = int.Parse(numbers[1], CultureInfo.InvariantCulture);
Func<int, CancellationToken, Task<Func<Task<bool>>>> buyer = args[0] switch
{
    "http" => (n, _) => Task.FromResult<Func<Task<bool>>>(new HttpBuyer(shared, args[4..], n).PlaceOrderAsync),
    "place" => await PlacementBuyer.FactoryAsync(args[1], args[2], buyers),
    _ => throw new ArgumentException($"Unknown mode {args[0]}."),
};

// Warm-up, then the measured run: every buyer places orders back to back.
await Run(TimeSpan.FromSeconds(3), quiet: true);
var (orders, failures, latencies, elapsed) = await Run(TimeSpan.FromSeconds(seconds), quiet: false);
return PreparedOrders.Report(args[0], buyers, elapsed, orders, failures, latencies);

async Task<(int Orders, int Failures, List<double> Latencies, double Seconds)> Run(TimeSpan duration, bool quiet)
{
    using var stop = new CancellationTokenSource(duration);
    var all = new List<double>();
    var ok = 0;
    var failed = 0;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, buyers).Select(async n =>
    {
        var placeOne = await buyer(n, stop.Token);
        var mine = new List<double>();
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            var placed = await placeOne();
            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (placed) { Interlocked.Increment(ref ok); } else { Interlocked.Increment(ref failed); }
        }

        lock (all) { all.AddRange(mine); }
    }));
    if (!quiet && failed > 0)
    {
        Console.Error.WriteLine($"{failed} orders failed");
    }

    return (ok, failed, all, clock.Elapsed.TotalSeconds);
}
