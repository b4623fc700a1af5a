// Issue 6: how long after a publish the page is found by search, on the real site in process (snapshot refresher,
// indexer, index), on SQLite or PostgreSQL. Each round creates a village page, publishes it, and searches for its name
// every 5 ms until it is found; the time runs from just before the publish call.
// Usage: NrtBench <repo root> <sqlite|postgres> [connection string] [rounds]
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Editing;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Search;

namespace VillageCraftPortal.Bench.SearchNrt;

internal static class NrtBench
{
    private static readonly string[] Crafts = ["ceramics"];

    public static async Task Main(string[] args)
    {
        var root = args[0];
        var provider = args[1];
        var connection = args.Length > 2 ? args[2] : string.Empty;
        var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 50;
        var data = Path.Combine(Path.GetTempPath(), "vcp-nrt-" + Guid.NewGuid().ToString("N"));

        var site = new WebApplicationFactory<global::Program>().WithWebHostBuilder(b =>
        {
            b.UseContentRoot(Path.Combine(root, "src/Web"));
            b.UseEnvironment("Production");
            b.UseSetting("DataDir", data);
            b.UseSetting("Content:SeedDirectory", Path.Combine(root, "umbraco-content"));
            b.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            b.UseSetting("Email:Mode", "Pickup");
            if (provider == "postgres")
            {
                b.UseSetting("Database:Provider", "Postgres");
                b.UseSetting("ConnectionStrings:Default", connection);
            }
        });
        try
        {
            await RunAsync(site, rounds, provider);
        }
        finally
        {
            await site.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task RunAsync(WebApplicationFactory<global::Program> site, int rounds, string provider)
    {
        using var client = site.CreateClient();
        while (!(await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
        {
            await Task.Delay(100);
        }

        var services = site.Services;
        var search = services.GetRequiredService<SearchService>();
        var villages = services.GetRequiredService<PublishedSnapshotAccessor>().Current.OfType(DocumentTypes.VillageIndex).Single();
        var latencies = new List<double>();
        for (var i = 0; i < rounds + 5; i++)
        {
            var word = $"nrtbench{i}x";
            int id;
            await using (var scope = services.CreateAsyncScope())
            {
                var values = new ContentValues().Set("name", "vi", $"Làng {word}").Set("slug", "vi", word).Set("crafts", Cultures.Invariant, Crafts);
                var created = await scope.ServiceProvider.GetRequiredService<ContentService>().CreateAsync(new NewDocument(DocumentTypes.Village, villages.Id, values), "bench");
                id = created.Document!.Id;
            }

            var clock = Stopwatch.StartNew();
            await using (var scope = services.CreateAsyncScope())
            {
                var published = await scope.ServiceProvider.GetRequiredService<PublishingService>().PublishAsync(id, "bench");
                if (!published.Succeeded)
                {
                    throw new InvalidOperationException($"publish failed: {published.Status}");
                }
            }

            while (search.Search(new SearchRequest { Text = word }).Total == 0)
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new TimeoutException($"{word} not found after 30 s");
                }

                await Task.Delay(5);
            }

            if (i >= 5)
            {
                latencies.Add(clock.Elapsed.TotalMilliseconds); // The first five are warm-up.
            }
        }

        latencies.Sort();
        double At(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mode=nrt database={provider} rounds={latencies.Count} p50_ms={At(0.50):0} p95_ms={At(0.95):0} p99_ms={At(0.99):0} max_ms={latencies[^1]:0}"));
    }
}
