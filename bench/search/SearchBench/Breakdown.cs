using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Lucene.Net.Index;
using Lucene.Net.Search;
using VillageCraftPortal.Web.Search;

namespace VillageCraftPortal.Bench.Search;

/// <summary>
/// Where a search's time goes: runs the steps of <see cref="SearchService.Search"/> one by one, with the engine's own
/// (internal) collector, hit and respelling code reached by reflection, beside the raw equivalents and a copy of the
/// query without its fuzzy clauses. Diagnostic only: the headline figures come from <see cref="QueryRunner"/>.
/// </summary>
internal sealed class Breakdown(SearchIndex index, PostingsCache postings)
{
    private static readonly Type CollectorType = typeof(SearchService).Assembly.GetType("VillageCraftPortal.Web.Search.FacetingCollector", throwOnError: true)!;
    private static readonly MethodInfo Best = CollectorType.GetMethod("Best")!;
    private static readonly MethodInfo FacetsOf = CollectorType.GetMethod("Facets")!;
    private static readonly PropertyInfo TotalOf = CollectorType.GetProperty("Total")!;

    private static readonly Func<IndexSearcher, int, float, string, List<string>, SearchHit> Hit =
        typeof(SearchService).GetMethod("Hit", BindingFlags.NonPublic | BindingFlags.Static)!
            .CreateDelegate<Func<IndexSearcher, int, float, string, List<string>, SearchHit>>();

    private static readonly Func<IndexReader, List<string>, string, string?> Respell =
        typeof(SearchService).GetMethod("Respell", BindingFlags.NonPublic | BindingFlags.Static)!
            .CreateDelegate<Func<IndexReader, List<string>, string, string?>>();

    private static readonly MethodInfo CollectInto = typeof(SearchService).GetMethod("Collect", BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly Func<IndexSearcher, List<(int Doc, float Score)>, IReadOnlyList<Query>, float, List<(int Doc, float Score)>> Rescore =
        typeof(SearchService).GetMethod("Rescore", BindingFlags.NonPublic | BindingFlags.Static)!
            .CreateDelegate<Func<IndexSearcher, List<(int Doc, float Score)>, IReadOnlyList<Query>, float, List<(int Doc, float Score)>>>();

    private const string OursCollect = "Ours: search (WordScorer's match and score; FacetingCollector's filters, facet counts, top-N; without phrases)";
    private const string OursHits = "Ours: Hit() for the page (hit doc values + snippet)";
    private const string OursFacets = "Ours: Facets()";
    private const string RawCollect = "Raw: search, TopScoreDocCollector";
    private const string RawStored = "Raw: what the page's hits show (their doc values)";
    private static readonly string[] KindSteps = [OursCollect, OursHits, OursFacets, RawCollect, RawStored];

    private readonly Dictionary<string, Latencies> _steps = [];
    private readonly Dictionary<QueryKind, (double[] Sums, int Count, long Matched)> _byKind = [];
    private readonly double[] _current = new double[KindSteps.Length];
    private long _matched, _expanded, _queries;

    public void Run(IReadOnlyList<BenchQuery> queries, bool record)
    {
        foreach (var (kind, request) in queries)
        {
            Array.Clear(_current);
            var matched = index.Search(searcher => Steps(searcher, request, record));
            if (record)
            {
                var (sums, count, total) = _byKind.GetValueOrDefault(kind, (new double[KindSteps.Length], 0, 0));
                for (var i = 0; i < sums.Length; i++)
                {
                    sums[i] += _current[i];
                }

                _byKind[kind] = (sums, count + 1, total + matched);
            }
        }
    }

    public void Print(TextWriter output)
    {
        output.WriteLine("Where a search's time goes (diagnostic): the steps of `SearchService.Search` timed one by one (the engine's internal collector, "
            + $"`Hit` and `Respell` reached by reflection) over the first {_queries} of the same queries, beside raw variants of the same query. "
            + $"On average {(double)_matched / _queries:F0} documents pass the query and filters, and the query has {(double)_expanded / _queries:F0} leaf clauses once fuzzy terms are expanded.");
        output.WriteLine();
        output.WriteLine("| Step | Mean (ms) | p50 | p99 | Runs |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (step, latencies) in _steps)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {step} | {latencies.Mean:F2} | {latencies.Percentile(50):F2} | {latencies.Percentile(99):F2} | {latencies.Count} |"));
        }

        output.WriteLine();
        output.WriteLine("| Query kind (means, ms) | Runs | Matching docs | Ours: collect | Ours: hits + snippets | Ours: facets | Raw: collect | Raw: hit doc values |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (kind, (sums, count, matched)) in _byKind.OrderBy(k => k.Key))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {kind} | {count} | {matched / count} | {string.Join(" | ", sums.Select(s => (s / count).ToString("F2", CultureInfo.InvariantCulture)))} |"));
        }
    }

    private int Steps(IndexSearcher searcher, SearchRequest request, bool record)
    {
        var keep = request.Page * request.PageSize;
        var text = Time("SearchQueries.Build", () => string.IsNullOrWhiteSpace(request.Text) ? null : SearchQueries.Build(request.Text, request.Culture, searcher.IndexReader), record);
        var query = text?.Combined() ?? new MatchAllDocsQuery();
        var folded = text is null ? [] : SearchQueries.FoldedWords(request.Text);

        var rescore = text is { Phrases.Count: > 0 } && request.Sort == SearchSort.Relevance;
        var collector = (ICollector)Activator.CreateInstance(CollectorType, request, rescore ? Math.Max(keep, SearchService.RescoreWindow) : keep, Stopwatch.StartNew(), TimeSpan.FromMinutes(1))!;
        var norm = 0f;
        Time(OursCollect, () =>
        {
            object?[] args = [searcher, text?.Match ?? new MatchAllDocsQuery(), postings, collector, 0f];
            CollectInto.Invoke(null, args);
            norm = (float)args[4]!;
        }, record);
        var best = (List<(int Doc, float Score)>)Best.Invoke(collector, null)!;
        if (rescore)
        {
            best = Time("Ours: rescoring the best 100 for words found together (multi-word relevance searches)", () => Rescore(searcher, best, text!.Phrases, norm), record);
        }

        var page = best.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToList();
        Time(OursHits, () => page.Select(h => Hit(searcher, h.Doc, h.Score, request.Culture, folded)).ToList(), record);
        Time(OursFacets, () => FacetsOf.Invoke(collector, null), record);
        var total = (int)TotalOf.GetValue(collector)!;
        if (total == 0 && folded.Count > 0)
        {
            Time("Ours: Respell (only when nothing is found)", () => Respell(searcher.IndexReader, folded, request.Culture), record);
        }

        var top = Time(RawCollect, () => searcher.Search(query, keep), record);
        Time(RawStored, () => top.ScoreDocs.Skip((request.Page - 1) * request.PageSize).Sum(h => QueryRunner.Shown(searcher, h.Doc, request.Culture)), record);
        Time("Raw: search, a collector that only reads the six doc values and the score", () => searcher.Search(query, new ReadingCollector()), record);
        var withoutFuzzy = Prune(query, q => q is not FuzzyQuery);
        Time("Raw: search, the query without its fuzzy clauses", () => searcher.Search(withoutFuzzy, keep), record);
        var oneCulture = Prune(query, q => InCulture(q, request.Culture));
        Time("Raw: search, the query without the other culture's fields", () => searcher.Search(oneCulture, keep), record);
        var noPhrases = Prune(query, q => q is not PhraseQuery);
        Time("Raw: search, the query without its phrase clauses", () => searcher.Search(noPhrases, keep), record);
        var foldedOnly = Prune(query, q => q is not PhraseQuery && IsFolded(q));
        Time("Raw: search, only the folded term clauses (the match set, no phrases)", () => searcher.Search(foldedOnly, keep), record);
        var terms = Time("Raw: rewrite only (fuzzy term expansion)", () => Leaves(searcher.Rewrite(query)), record);
        if (record)
        {
            _queries++;
            _matched += total;
            _expanded += terms;
        }

        return total;
    }

    private T Time<T>(string step, Func<T> action, bool record)
    {
        var started = Stopwatch.GetTimestamp();
        var result = action();
        if (record)
        {
            if (!_steps.TryGetValue(step, out var latencies))
            {
                _steps[step] = latencies = new Latencies();
            }

            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            latencies.Add(elapsed);
            var at = Array.IndexOf(KindSteps, step);
            if (at >= 0)
            {
                _current[at] += elapsed;
            }
        }

        return result;
    }

    private void Time(string step, Action action, bool record) => Time(step, () => { action(); return 0; }, record);

    /// <summary>A copy of a query keeping only the leaf queries (term, fuzzy, phrase) the predicate accepts.</summary>
    private static Query Prune(Query query, Func<Query, bool> keep)
    {
        if (query is not BooleanQuery boolean)
        {
            return query;
        }

        var copy = new BooleanQuery(boolean.CoordDisabled) { MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch, Boost = boolean.Boost };
        foreach (var clause in boolean.Clauses.Where(c => c.Query is BooleanQuery || keep(c.Query)))
        {
            copy.Add(Prune(clause.Query, keep), clause.Occur);
        }

        return copy;
    }

    private static bool InCulture(Query leaf, string culture)
    {
        var field = leaf switch
        {
            TermQuery term => term.Term.Field,
            FuzzyQuery fuzzy => fuzzy.Term.Field,
            PhraseQuery phrase => phrase.GetTerms()[0].Field,
            _ => null,
        };
        return field is null || field.Split('.')[1] == culture;
    }

    private static bool IsFolded(Query leaf) => leaf switch
    {
        TermQuery term => term.Term.Field.EndsWith(".f", StringComparison.Ordinal),
        FuzzyQuery fuzzy => fuzzy.Term.Field.EndsWith(".f", StringComparison.Ordinal),
        _ => true,
    };

    private static int Leaves(Query query) => query is BooleanQuery boolean ? boolean.Clauses.Sum(c => Leaves(c.Query)) : 1;
}
