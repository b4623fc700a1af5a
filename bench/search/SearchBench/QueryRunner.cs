using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using VillageCraftPortal.Web.Search;

namespace VillageCraftPortal.Bench.Search;

/// <summary>
/// Runs each request two ways on the same open index: through <see cref="SearchService"/> (ours: query, filters,
/// facets, sort, snippets, respelling) and as raw Lucene.Net (the same query, plain top-N, what the page's hits
/// show read from the index, nothing else). Each request runs both, the order alternating from one request to the next, so
/// warm caches and machine noise fall on both alike. With <paramref name="uncached"/> (the same service without the
/// postings cache), each request also runs a third time through it, for what the cache adds.
/// </summary>
internal sealed class QueryRunner(SearchIndex index, SearchService service, SearchService? uncached = null)
{
    private long _sink;

    public Latencies Ours { get; } = new();

    public Latencies Raw { get; } = new();

    /// <summary>Ours without the postings cache (when asked for).</summary>
    public Latencies Uncached { get; } = new();

    public Dictionary<QueryKind, (Latencies Ours, Latencies Raw)> ByKind { get; } = [];

    public int Empty { get; private set; }

    public int TimedOut { get; private set; }

    public int Respelt { get; private set; }

    public long Hits { get; private set; }

    public void Run(IReadOnlyList<BenchQuery> queries, bool record)
    {
        for (var i = 0; i < queries.Count; i++)
        {
            var (kind, request) = queries[i];
            double ours, raw;
            if (i % 2 == 0)
            {
                ours = RunOurs(request, record);
                raw = RunRaw(request);
            }
            else
            {
                raw = RunRaw(request);
                ours = RunOurs(request, record);
            }

            if (uncached is not null)
            {
                var started = Stopwatch.GetTimestamp();
                _sink += uncached.Search(request).Total;
                if (record)
                {
                    Uncached.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }

            if (record)
            {
                Ours.Add(ours);
                Raw.Add(raw);
                if (!ByKind.TryGetValue(kind, out var pair))
                {
                    ByKind[kind] = pair = (new Latencies(), new Latencies());
                }

                pair.Ours.Add(ours);
                pair.Raw.Add(raw);
            }
        }
    }

    /// <summary>Autocomplete latencies of one-letter prefixes (the longest postings) and of longer ones.</summary>
    public (Latencies OneLetter, Latencies Longer) SuggestByLength { get; } = (new(), new());

    public Latencies Suggest(IReadOnlyList<BenchPrefix> prefixes, out int emptyAnswers)
    {
        var latencies = new Latencies();
        SuggestByLength.OneLetter.Clear();
        SuggestByLength.Longer.Clear();
        emptyAnswers = 0;
        foreach (var (text, culture) in prefixes)
        {
            var started = Stopwatch.GetTimestamp();
            var suggestions = service.Suggest(text, culture);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            latencies.Add(elapsed);
            (text.Length == 1 ? SuggestByLength.OneLetter : SuggestByLength.Longer).Add(elapsed);
            emptyAnswers += suggestions.Count == 0 ? 1 : 0;
            _sink += suggestions.Count;
        }

        return latencies;
    }

    /// <summary>Something the optimiser cannot prove unused.</summary>
    public string Sink => _sink.ToString(CultureInfo.InvariantCulture);

    /// <summary>Bytes our searches allocated on their thread, over the recorded ones (the garbage collector's work).</summary>
    public long Allocated { get; private set; }

    private double RunOurs(SearchRequest request, bool record)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        var result = service.Search(request);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        _sink += result.Hits.Count + result.Facets.Villages.Count;
        if (record)
        {
            Allocated += GC.GetAllocatedBytesForCurrentThread() - allocated;
            Hits += result.Total;
            Empty += result.Total == 0 ? 1 : 0;
            TimedOut += result.TimedOut ? 1 : 0;
            Respelt += result.DidYouMean is null ? 0 : 1;
        }

        return elapsed;
    }

    /// <summary>
    /// The reference: the same query as plain Lucene runs it (<see cref="TextQuery.Combined"/>: the words and the phrase
    /// boost in one query), <c>IndexSearcher.Search(query, n)</c> and what the page's hits show, read as the index
    /// keeps it (<see cref="Shown"/>).
    /// </summary>
    private double RunRaw(SearchRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        var fields = index.Search(searcher =>
        {
            var query = (string.IsNullOrWhiteSpace(request.Text) ? null : SearchQueries.Build(request.Text, request.Culture, searcher.IndexReader)?.Combined()) ?? new MatchAllDocsQuery();
            var top = searcher.Search(query, request.Page * request.PageSize);
            var count = 0;
            foreach (var hit in top.ScoreDocs.Skip((request.Page - 1) * request.PageSize))
            {
                count += Shown(searcher, hit.Doc, request.Culture);
            }

            return count + top.TotalHits;
        });
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        _sink += fields;
        return elapsed;
    }

    /// <summary>
    /// A hit's displayed values as plain Lucene reads them: the culture's hit doc values (name, address, text, image;
    /// kept as doc values since index schema 2, where they had been stored fields), decoded to a string.
    /// </summary>
    public static int Shown(IndexSearcher searcher, int docId, string culture)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(docId, leaves)];
        var bytes = new BytesRef();
        leaf.AtomicReader.GetBinaryDocValues(SearchFields.Hit(culture)).Get(docId - leaf.DocBase, bytes);
        return bytes.Utf8ToString().Length;
    }
}
