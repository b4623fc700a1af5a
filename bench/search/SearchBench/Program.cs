using System.Diagnostics;
using System.Globalization;
using static System.FormattableString;
using Microsoft.Extensions.Logging.Abstractions;
using VillageCraftPortal.Bench.Search;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Search;

// Usage: SearchBench <work-dir> [products] [villages] [queries] [warm-up] [breakdown]
// Generates the catalogue, builds the index in <work-dir>/index, runs the query mix and autocomplete, prints Markdown;
// then, if [breakdown] > 0, times the steps of that many of the same queries one by one (see Breakdown).
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: SearchBench <work-dir> [products=100000] [villages=5000] [queries=1000] [warm-up=200] [breakdown=0]");
    return 2;
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
var (productCount, villageCount, queryCount, warmUp, breakdownCount) = (Arg(1, 100_000), Arg(2, 5_000), Arg(3, 1_000), Arg(4, 200), Arg(5, 0));
var root = Path.Combine(args[0], "index");
if (Directory.Exists(root))
{
    Directory.Delete(root, recursive: true);
}

void Say(string line) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");

// 1. The catalogue (not part of the build time: the site reads it from its database).
var clock = Stopwatch.StartNew();
var catalogue = Catalogue.Generate(villageCount, productCount, seed: 6);
var generateSeconds = clock.Elapsed.TotalSeconds;
var documentCount = catalogue.Documents.Count;
var names = catalogue.Documents.Where((_, i) => i % 20 == 0)
    .Select(d => new Words(d.Texts[Cultures.Vietnamese].Name, d.Texts[Cultures.English].Name)).ToList();
var villages = catalogue.Villages;
var sample = catalogue.Documents[villageCount];
Say($"generated {documentCount} documents in {generateSeconds:F1} s, e.g. {sample.Texts[Cultures.Vietnamese].Name} / {sample.Texts[Cultures.English].Name}");
var memoryGenerated = MemoryFigures.Now();

// 2. The index build, as the rebuild command does it, then opened as the site opens it.
clock.Restart();
SearchIndex.BuildAndPoint(root, catalogue.Documents, new IndexCursors(0));
var buildSeconds = clock.Elapsed.TotalSeconds;
catalogue.Documents.Clear();
catalogue.Documents.TrimExcess();
Say($"built in {buildSeconds:F1} s");
clock.Restart();
using var index = new SearchIndex(root, NullLogger<SearchIndex>.Instance);
index.OpenCurrent();
var openMilliseconds = clock.Elapsed.TotalMilliseconds;
var postings = new PostingsCache(PostingsCache.DefaultBudgetMegabytes * 1048576L);
var service = new SearchService(index, new PopularSearches(), postings);
var indexBytes = new DirectoryInfo(root).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
var segments = index.Search(searcher => searcher.IndexReader.Leaves.Count);
var vocabulary = index.Search(searcher => string.Join(", ", new[] { SearchFields.Folded(SearchFields.Name, Cultures.Vietnamese), SearchFields.Folded(SearchFields.Text, Cultures.Vietnamese), SearchFields.Folded(SearchFields.Text, Cultures.English) }
    .Select(field =>
    {
        var count = 0;
        var terms = Lucene.Net.Index.MultiFields.GetTerms(searcher.IndexReader, field)?.GetEnumerator();
        while (terms is not null && terms.MoveNext())
        {
            count++;
        }

        return $"{count:N0} in `{field}`";
    })));
var memoryBuilt = MemoryFigures.Now();
Say($"opened {index.DocumentCount} documents in {openMilliseconds:F0} ms; {indexBytes / 1048576.0:F1} MB on disk");

// 3. The query mix, ours and raw interleaved; 4. autocomplete.
var mix = new QueryMix(villages, names, seed: 61);
var warmQueries = mix.Queries(warmUp);
var queries = mix.Queries(queryCount);
var runner = new QueryRunner(index, service, new SearchService(index, new PopularSearches(), PostingsCache.None));
runner.Run(warmQueries, record: false);
using var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
clock.Restart();
runner.Run(queries, record: true);
var queryWall = clock.Elapsed;
process.Refresh();
var cpuShare = (process.TotalProcessorTime - cpuBefore) / queryWall;
Say($"{warmUp} + {queryCount} queries, both ways; measured part in {queryWall.TotalSeconds:F1} s, CPU {cpuShare:P0} of one core");
var warmPrefixes = mix.Prefixes(warmUp);
var prefixes = mix.Prefixes(queryCount);
runner.Suggest(warmPrefixes, out _);
var suggest = runner.Suggest(prefixes, out var emptySuggestions);
var memoryAfter = MemoryFigures.Now();
Say($"suggest done; sink {runner.Sink}");
var breakdown = new Breakdown(index, postings);
if (breakdownCount > 0)
{
    breakdown.Run(warmQueries.Take(50).ToList(), record: false);
    breakdown.Run(queries.Take(breakdownCount).ToList(), record: true);
    Say("breakdown done");
}

// 5. The same queries once 1,000 products (1 %) are deleted, as updates leave a segment until a merge: deleted
// documents stay in the segment's postings and each search skips them.
index.Apply([], [.. Enumerable.Range(1, 1_000).Select(i => Invariant($"product:{i * 100}"))], new IndexCursors(1));
var afterDeletes = new QueryRunner(index, service);
afterDeletes.Run(queries, record: true);
Say($"queries after deleting 1,000 products: {afterDeletes.Ours.Count} ({index.DocumentCount} documents left)");

// 6. The report.
static string F(double value, string format = "F2") => value.ToString(format, CultureInfo.InvariantCulture);
static string Mb(long bytes) => F(bytes / 1048576.0, "F0");
static string Met(bool met) => met ? "met" : "**missed**";
var (ours, raw) = (runner.Ours, runner.Raw);
var (ratio50, ratio99) = (ours.Percentile(50) / raw.Percentile(50), ours.Percentile(99) / raw.Percentile(99));
Console.WriteLine($"Data: {documentCount:N0} documents ({productCount:N0} products, {villageCount:N0} villages, seed 6), generated in {F(generateSeconds, "F1")} s (not counted). "
    + $"Queries: {queryCount} measured after {warmUp} warm-up, single thread; each runs through `SearchService.Search` and as raw Lucene.Net, "
    + $"alternating which goes first from one query to the next, then a third time through `SearchService` without the postings cache (for what the cache adds). Autocomplete: {queryCount} prefixes after {warmUp} warm-up. "
    + $"Distinct terms: {vocabulary} (a generated vocabulary is smaller than real writing, which makes fuzzy expansion and respelling cheaper than they will be on real text).");
static string Describe(SearchRequest r) => (r.Text.Length == 0 ? "no text" : $"`{r.Text}`") + $" ({r.Culture}"
    + (r.Village is null ? "" : $", village {r.Village}") + (r.Category is null ? "" : $", {r.Category}") + (r.Price is null ? "" : $", {r.Price.Code} ₫")
    + (r.InStockOnly ? ", in stock" : "") + (r.Stars is null ? "" : $", {r.Stars}★") + (r.Types.Count == 0 ? "" : $", {string.Join('+', r.Types)}")
    + (r.Sort == SearchSort.Relevance ? "" : $", {r.Sort}") + (r.Page == 1 ? "" : $", page {r.Page}") + ")";
Console.WriteLine();
Console.WriteLine("Examples: " + string.Join("; ", queries.GroupBy(q => q.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key} {Describe(g.First().Request)}"))
    + ". Prefixes: " + string.Join(", ", prefixes.Take(8).Select(p => $"`{p.Text}` ({p.Culture})")) + ".");
Console.WriteLine();
Console.WriteLine("| Measure | Ours | Raw Lucene.Net | Ours / raw | Target | |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | --- |");
Console.WriteLine($"| Index build, {documentCount:N0} documents (s) | **{F(buildSeconds, "F1")}** | | | ≤ 60 | {Met(buildSeconds <= 60)} |");
Console.WriteLine($"| Open the built index (ms) | {F(openMilliseconds, "F0")} | | | | |");
Console.WriteLine($"| Index size on disk (MB; segments) | {F(indexBytes / 1048576.0, "F1")}; {segments} | | | | |");
Console.WriteLine($"| Search p50 (ms) | **{F(ours.Percentile(50))}** | {F(raw.Percentile(50))} | **{F(ratio50)}×** | ≤ 2; ≤ 1.3× | {Met(ours.Percentile(50) <= 2)}; {Met(ratio50 <= 1.3)} |");
Console.WriteLine($"| Search p95 (ms) | {F(ours.Percentile(95))} | {F(raw.Percentile(95))} | {F(ours.Percentile(95) / raw.Percentile(95))}× | | |");
Console.WriteLine($"| Search p99 (ms) | **{F(ours.Percentile(99))}** | {F(raw.Percentile(99))} | **{F(ratio99)}×** | ≤ 10; ≤ 1.3× | {Met(ours.Percentile(99) <= 10)}; {Met(ratio99 <= 1.3)} |");
Console.WriteLine($"| Search max (ms) | {F(ours.Max)} | {F(raw.Max)} | | | |");
Console.WriteLine($"| Search mean (ms) | {F(ours.Mean)} | {F(raw.Mean)} | {F(ours.Mean / raw.Mean)}× | | |");
var uncachedRun = runner.Uncached;
Console.WriteLine($"| Search p50 / p99 (ms), ours without the postings cache | {F(uncachedRun.Percentile(50))} / {F(uncachedRun.Percentile(99))} | | | | |");
var (deletedOurs, deletedRaw) = (afterDeletes.Ours, afterDeletes.Raw);
Console.WriteLine($"| Search p50 / p99 (ms) after deleting 1 % of the documents | {F(deletedOurs.Percentile(50))} / {F(deletedOurs.Percentile(99))} | {F(deletedRaw.Percentile(50))} / {F(deletedRaw.Percentile(99))} | {F(deletedOurs.Percentile(50) / deletedRaw.Percentile(50))}× / {F(deletedOurs.Percentile(99) / deletedRaw.Percentile(99))}× | | |");
Console.WriteLine($"| Suggest p50 / p95 (ms) | {F(suggest.Percentile(50))} / {F(suggest.Percentile(95))} | | | | |");
Console.WriteLine($"| Suggest p99 (ms) | **{F(suggest.Percentile(99))}** | | | ≤ 5 | {Met(suggest.Percentile(99) <= 5)} |");
Console.WriteLine($"| Suggest max (ms) | {F(suggest.Max)} | | | | |");
var (oneLetter, longer) = runner.SuggestByLength;
Console.WriteLine($"| Suggest p50 / p99 (ms): {oneLetter.Count} one-letter prefixes; {longer.Count} of 2–6 letters | {F(oneLetter.Percentile(50))} / {F(oneLetter.Percentile(99))}; {F(longer.Percentile(50))} / {F(longer.Percentile(99))} | | | | |");
Console.WriteLine();
Console.WriteLine($"Our searches: {runner.Empty} of {queryCount} found nothing ({runner.Respelt} with a respelling offered), {runner.TimedOut} hit the 250 ms budget, "
    + $"{F(runner.Hits / (double)queryCount, "F0")} results on average, {F(runner.Allocated / 1024.0 / queryCount, "F0")} KB allocated per search. "
    + $"The postings cache ended holding {postings.Count:N0} terms in {F(postings.Bytes / 1048576.0, "F1")} MB (budget {Mb(postings.BudgetBytes)} MB; terms in {postings.MinDocFreq:N0} documents or more). Autocomplete: {emptySuggestions} of {queryCount} prefixes had no suggestion. "
    + $"During the measured queries the process used {F(cpuShare * 100, "F0")} % of one core (a single-threaded run on an idle machine is near 100 %; much less means it waited for a core).");
Console.WriteLine();
Console.WriteLine("| Query kind | Count | Ours p50 | Ours p99 | Raw p50 | Raw p99 | p50 ratio | p99 ratio |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var (kind, (o, r)) in runner.ByKind.OrderBy(k => k.Key))
{
    Console.WriteLine($"| {kind} | {o.Count} | {F(o.Percentile(50))} | {F(o.Percentile(99))} | {F(r.Percentile(50))} | {F(r.Percentile(99))} | {F(o.Percentile(50) / r.Percentile(50))}× | {F(o.Percentile(99) / r.Percentile(99))}× |");
}

Console.WriteLine();
Console.WriteLine("| Memory (server GC) | Managed heap after full GC (MB) | Working set (MB) | Peak working set (MB) |");
Console.WriteLine("| --- | ---: | ---: | ---: |");
foreach (var (label, m) in new[] { ("After generating (documents held)", memoryGenerated), ("After build and open (documents released)", memoryBuilt), ("After queries and autocomplete", memoryAfter) })
{
    Console.WriteLine($"| {label} | {Mb(m.Managed)} | {Mb(m.WorkingSet)} | {Mb(m.PeakWorkingSet)} |");
}

if (breakdownCount > 0)
{
    Console.WriteLine();
    breakdown.Print(Console.Out);
}

return 0;
