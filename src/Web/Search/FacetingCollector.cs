using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace VillageCraftPortal.Web.Search;

/// <summary>Thrown inside a collection that ran past its time budget; the results so far are kept.</summary>
internal sealed class SearchTimedOutException : Exception
{
    public SearchTimedOutException()
        : base("The search ran past its time budget.")
    {
    }

    public SearchTimedOutException(string message)
        : base(message)
    {
    }

    public SearchTimedOutException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>
/// One pass over the matching documents that does three jobs: keeps the top hits of the page in the requested order,
/// counts the results, and counts every facet value from doc values. A facet's counts obey all the other filters but
/// not its own (choosing a village still shows how many results each other village has).
/// </summary>
internal sealed class FacetingCollector(SearchRequest request, int keep, Stopwatch clock, TimeSpan budget) : ICollector
{
    private const int Dimensions = 6;
    private const int TypeDim = 0, VillageDim = 1, CategoryDim = 2, StarsDim = 3, PriceDim = 4, StockDim = 5;

    private static readonly WorstFirst Order = new();

    private readonly Dictionary<string, int> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _villages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _categories = new(StringComparer.Ordinal);
    private readonly int[] _stars = new int[6];
    private readonly int[] _bands = new int[PriceBand.All.Count];
    private readonly PriorityQueue<(int Doc, float Score, long Key), (long Key, float Score, int Doc)> _top = new(new WorstFirst());
    private readonly HashSet<string> _wantedTypes = [.. request.Types.Select(SearchDocument.TypeName)];
    private readonly BytesRef _scratch = new();

    private Scorer? _scorer;
    private int _docBase;
    private SortedDocValues? _type, _village, _category;
    private NumericDocValues? _starValues, _price, _stock, _date;
    private int[] _typeOrds = [], _villageOrds = [], _categoryOrds = [];
    private bool[] _typeWanted = [];
    private int _villageWanted = -1, _categoryWanted = -1;
    private int _seen;

    public int Total { get; private set; }

    public int InStock { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        _docBase = context.DocBase;
        var reader = context.AtomicReader;
        _type = reader.GetSortedDocValues(SearchFields.Type);
        _village = reader.GetSortedDocValues(SearchFields.Village);
        _category = reader.GetSortedDocValues(SearchFields.Category);
        _starValues = reader.GetNumericDocValues(SearchFields.Stars);
        _price = reader.GetNumericDocValues(SearchFields.Price);
        _stock = reader.GetNumericDocValues(SearchFields.InStock);
        _date = reader.GetNumericDocValues(SearchFields.Date);
        _typeOrds = new int[_type?.ValueCount ?? 0];
        _villageOrds = new int[_village?.ValueCount ?? 0];
        _categoryOrds = new int[_category?.ValueCount ?? 0];
        _typeWanted = new bool[_typeOrds.Length];
        for (var ord = 0; ord < _typeOrds.Length; ord++)
        {
            _type!.LookupOrd(ord, _scratch);
            _typeWanted[ord] = _wantedTypes.Count == 0 || _wantedTypes.Contains(_scratch.Utf8ToString());
        }

        _villageWanted = request.Village is null ? -1 : Wanted(_village, request.Village);
        _categoryWanted = request.Category is null ? -1 : Wanted(_category, request.Category);
    }

    /// <summary>The ordinal of a wanted value in this segment; -2 (matches nothing) when the segment lacks it.</summary>
    private static int Wanted(SortedDocValues? values, string value) =>
        values?.LookupTerm(new BytesRef(value)) is >= 0 and var ord ? ord : -2;

    public void Collect(int doc)
    {
        if ((++_seen & 1023) == 0 && clock.Elapsed > budget)
        {
            throw new SearchTimedOutException();
        }

        var typeOrd = _type?.GetOrd(doc) ?? -1;
        var villageOrd = _village?.GetOrd(doc) ?? -1;
        var categoryOrd = _category?.GetOrd(doc) ?? -1;
        var stars = (int)(_starValues?.Get(doc) ?? -1);
        var price = _price?.Get(doc) ?? -1;
        var inStock = (_stock?.Get(doc) ?? -1) == 1;
        var band = PriceBand.IndexOf(price);

        Span<bool> fails = stackalloc bool[Dimensions];
        fails[TypeDim] = typeOrd < 0 ? _wantedTypes.Count > 0 : !_typeWanted[typeOrd];
        fails[VillageDim] = _villageWanted != -1 && (villageOrd < 0 || villageOrd != _villageWanted);
        fails[CategoryDim] = _categoryWanted != -1 && (categoryOrd < 0 || categoryOrd != _categoryWanted);
        fails[StarsDim] = request.Stars is { } wantedStars && stars != wantedStars;
        fails[PriceDim] = request.Price is { } wantedBand && (band < 0 || PriceBand.All[band] != wantedBand);
        fails[StockDim] = request.InStockOnly && !inStock;

        var failed = -1;
        for (var d = 0; d < Dimensions; d++)
        {
            if (fails[d])
            {
                if (failed >= 0)
                {
                    return; // Fails two filters: counts nowhere.
                }

                failed = d;
            }
        }

        // Passes all filters but (at most) one: it counts in that one's facet, or in all of them when a hit.
        if ((failed == -1 || failed == TypeDim) && typeOrd >= 0)
        {
            _typeOrds[typeOrd]++;
        }

        if ((failed == -1 || failed == VillageDim) && villageOrd >= 0)
        {
            _villageOrds[villageOrd]++;
        }

        if ((failed == -1 || failed == CategoryDim) && categoryOrd >= 0)
        {
            _categoryOrds[categoryOrd]++;
        }

        if ((failed == -1 || failed == StarsDim) && stars is >= 3 and <= 5)
        {
            _stars[stars]++;
        }

        if ((failed == -1 || failed == PriceDim) && band >= 0)
        {
            _bands[band]++;
        }

        if ((failed == -1 || failed == StockDim) && inStock)
        {
            InStock++;
        }

        if (failed != -1)
        {
            return;
        }

        Total++;
        var score = _scorer!.GetScore();
        var key = request.Sort switch
        {
            SearchSort.PriceLow => price < 0 ? long.MaxValue : price,
            SearchSort.PriceHigh => price < 0 ? long.MaxValue : -price,
            SearchSort.Newest => -(_date?.Get(doc) ?? 0),
            _ => 0,
        };
        var priority = (key, score, _docBase + doc);
        if (_top.Count < keep)
        {
            _top.Enqueue((_docBase + doc, score, key), priority);
        }
        else if (keep > 0 && _top.TryPeek(out _, out var worst) && Order.Compare(priority, worst) > 0)
        {
            _top.EnqueueDequeue((_docBase + doc, score, key), priority);
        }
    }

    /// <summary>The kept hits, best first.</summary>
    public List<(int Doc, float Score)> Best()
    {
        var items = new List<((int Doc, float Score, long Key) Entry, (long Key, float Score, int Doc) Priority)>(_top.UnorderedItems);
        items.Sort((a, b) => Order.Compare(b.Priority, a.Priority));
        return [.. items.Select(i => (i.Entry.Doc, i.Entry.Score))];
    }

    public SearchFacets Facets()
    {
        FlushSegment();
        static List<FacetValue> Sorted(Dictionary<string, int> counts) =>
            [.. counts.Where(c => c.Value > 0).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new FacetValue(c.Key, c.Value))];

        return new SearchFacets(
            Sorted(_types),
            Sorted(_villages),
            Sorted(_categories),
            [.. Enumerable.Range(3, 3).Reverse().Where(s => _stars[s] > 0).Select(s => new FacetValue(s.ToString(System.Globalization.CultureInfo.InvariantCulture), _stars[s]))],
            [.. PriceBand.All.Select((b, i) => new FacetValue(b.Code, _bands[i])).Where(v => v.Count > 0)],
            InStock);
    }

    private void FlushSegment()
    {
        Flush(_type, _typeOrds, _types);
        Flush(_village, _villageOrds, _villages);
        Flush(_category, _categoryOrds, _categories);
        _typeOrds = _villageOrds = _categoryOrds = [];
    }

    private void Flush(SortedDocValues? values, int[] ords, Dictionary<string, int> into)
    {
        for (var ord = 0; ord < ords.Length; ord++)
        {
            if (ords[ord] > 0)
            {
                values!.LookupOrd(ord, _scratch);
                var name = _scratch.Utf8ToString();
                into[name] = into.GetValueOrDefault(name) + ords[ord];
            }
        }
    }

    /// <summary>Orders hits worst first (the queue's head is the one to drop): by sort key, then score, then document.</summary>
    private sealed class WorstFirst : IComparer<(long Key, float Score, int Doc)>
    {
        public int Compare((long Key, float Score, int Doc) x, (long Key, float Score, int Doc) y)
        {
            // Larger key is worse; lower score is worse; later document is worse.
            var byKey = y.Key.CompareTo(x.Key);
            if (byKey != 0)
            {
                return byKey;
            }

            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : y.Doc.CompareTo(x.Doc);
        }
    }
}
