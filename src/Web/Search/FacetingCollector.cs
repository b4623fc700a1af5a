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
    private const int TypeDim = 0, VillageDim = 1, CategoryDim = 2, StarsDim = 3, PriceDim = 4, StockDim = 5;

    private static readonly WorstFirst Order = new();

    /// <summary>At most this many values of a facet are listed, most results first (the chosen one always).</summary>
    public const int MaxFacetValues = 100;

    private readonly int[] _stars = new int[6];
    private readonly int[] _bands = new int[PriceBand.All.Count];
    private readonly PriorityQueue<(int Doc, float Score, long Key), (long Key, float Score, int Doc)> _top = new(new WorstFirst());
    private readonly HashSet<string> _wantedTypes = [.. request.Types.Select(SearchDocument.TypeName)];
    private readonly int _starsWanted = request.Stars ?? -1;

    // The wanted band's index; -1 for no filter, -2 (matches nothing) for a band that is not one of ours.
    private readonly int _bandWanted = request.Price is { } wanted ? (PriceBand.All.ToList().IndexOf(wanted) is >= 0 and var at ? at : -2) : -1;

    private Scorer? _scorer;
    private int _docBase;
    private ReaderOrdinals? _ordinals;
    private SegmentValues _values = null!;

    // Counts by the reader's ordinals; each segment's ordinals reach them through its maps.
    private int[] _typeCounts = [], _villageCounts = [], _categoryCounts = [];
    private int[] _typeMap = [], _villageMap = [], _categoryMap = [];
    private bool[] _typeWanted = [];
    private int _villageWanted = -1, _categoryWanted = -1;
    private int _seen;

    // Whether the kept hits are as many as wanted, and then the worst of them (the queue's head).
    private bool _full;
    private (long Key, float Score, int Doc) _worst;

    public int Total { get; private set; }

    public int InStock { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        if (_ordinals is null)
        {
            _ordinals = ReaderOrdinals.For(ReaderUtil.GetTopLevelContext(context).Reader);
            _typeCounts = new int[_ordinals.Names[ReaderOrdinals.TypeDim].Length];
            _villageCounts = new int[_ordinals.Names[ReaderOrdinals.VillageDim].Length];
            _categoryCounts = new int[_ordinals.Names[ReaderOrdinals.CategoryDim].Length];
        }

        _docBase = context.DocBase;
        _values = SegmentValues.For(context.AtomicReader);
        (_typeMap, _villageMap, _categoryMap) = (_ordinals.Map(context.Ord, ReaderOrdinals.TypeDim), _ordinals.Map(context.Ord, ReaderOrdinals.VillageDim), _ordinals.Map(context.Ord, ReaderOrdinals.CategoryDim));
        _typeWanted = [.. _values.TypeNames.Select(t => _wantedTypes.Count == 0 || _wantedTypes.Contains(t))];
        _villageWanted = request.Village is null ? -1 : Wanted(_values.VillageNames, request.Village);
        _categoryWanted = request.Category is null ? -1 : Wanted(_values.CategoryNames, request.Category);
    }

    /// <summary>The ordinal of a wanted value in this segment; -2 (matches nothing) when the segment lacks it.</summary>
    private static int Wanted(string[] names, string value) => Array.BinarySearch(names, value, StringComparer.Ordinal) is >= 0 and var ord ? ord : -2;

    /// <summary>A match, its score asked of the scorer only when the match might be kept.</summary>
    public void Collect(int doc)
    {
        if (Count(doc, out var key) && MightKeep(key))
        {
            Offer(doc, key, _scorer!.GetScore());
        }
    }

    /// <summary>A match whose score is known (<see cref="WordScorer"/>'s own path, without a scorer call per match).</summary>
    public void Collect(int doc, float score)
    {
        if (Count(doc, out var key) && MightKeep(key))
        {
            Offer(doc, key, score);
        }
    }

    /// <summary>Counts a match in the facets and, when it passes every filter, in the total; its sort key.</summary>
    private bool Count(int doc, out long key)
    {
        key = 0;
        if ((++_seen & 1023) == 0 && clock.Elapsed > budget)
        {
            throw new SearchTimedOutException();
        }

        var values = _values;
        var (typeOrd, villageOrd, categoryOrd, starsValue, bandValue, stockValue) = values.Facets[doc];
        int stars = starsValue;
        int band = bandValue;
        var inStock = stockValue == 1;

        // One bit per filter the document fails (a missing value fails any filter on it).
        var fails = 0;
        fails |= (typeOrd < 0 ? _wantedTypes.Count > 0 : !_typeWanted[typeOrd]) ? 1 << TypeDim : 0;
        fails |= _villageWanted != -1 && villageOrd != _villageWanted ? 1 << VillageDim : 0;
        fails |= _categoryWanted != -1 && categoryOrd != _categoryWanted ? 1 << CategoryDim : 0;
        fails |= _starsWanted != -1 && stars != _starsWanted ? 1 << StarsDim : 0;
        fails |= _bandWanted != -1 && band != _bandWanted ? 1 << PriceDim : 0;
        fails |= request.InStockOnly && !inStock ? 1 << StockDim : 0;
        if ((fails & (fails - 1)) != 0)
        {
            return false; // Fails two filters: counts nowhere.
        }

        // Passes all filters but (at most) one: it counts in that one's facet, or in all of them when a hit.
        if ((fails == 0 || fails == 1 << TypeDim) && typeOrd >= 0)
        {
            _typeCounts[_typeMap[typeOrd]]++;
        }

        if ((fails == 0 || fails == 1 << VillageDim) && villageOrd >= 0)
        {
            _villageCounts[_villageMap[villageOrd]]++;
        }

        if ((fails == 0 || fails == 1 << CategoryDim) && categoryOrd >= 0)
        {
            _categoryCounts[_categoryMap[categoryOrd]]++;
        }

        if ((fails == 0 || fails == 1 << StarsDim) && stars is >= 3 and <= 5)
        {
            _stars[stars]++;
        }

        if ((fails == 0 || fails == 1 << PriceDim) && band >= 0)
        {
            _bands[band]++;
        }

        if ((fails == 0 || fails == 1 << StockDim) && inStock)
        {
            InStock++;
        }

        if (fails != 0)
        {
            return false;
        }

        Total++;
        key = request.Sort switch
        {
            SearchSort.PriceLow => values.Price[doc] is var low and >= 0 ? low : long.MaxValue,
            SearchSort.PriceHigh => values.Price[doc] is var high and >= 0 ? -high : long.MaxValue,
            SearchSort.Newest => -values.Date[doc],
            _ => 0,
        };
        return true;
    }

    /// <summary>Whether a hit with this sort key could enter the kept hits (a larger key than the worst kept cannot).</summary>
    private bool MightKeep(long key) => keep > 0 && !(_full && key > _worst.Key);

    /// <summary>Keeps a hit if it beats the worst kept one (or there is room).</summary>
    private void Offer(int doc, long key, float score)
    {
        if (_full && key == _worst.Key && score < _worst.Score)
        {
            return; // The commonest case once the queue is full: a lower score than the worst kept.
        }

        var priority = (key, score, _docBase + doc);
        if (!_full)
        {
            _top.Enqueue((_docBase + doc, score, key), priority);
        }
        else if (Order.Compare(priority, _worst) > 0)
        {
            _top.EnqueueDequeue((_docBase + doc, score, key), priority);
        }
        else
        {
            return;
        }

        _full = _top.Count >= keep;
        if (_full)
        {
            _top.TryPeek(out _, out _worst);
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
        var names = _ordinals?.Names;
        List<FacetValue> Top(int dim, int[] counts, string? chosen) => names is null ? [] : Listed(names[dim], counts, chosen);
        return new SearchFacets(
            Top(ReaderOrdinals.TypeDim, _typeCounts, null),
            Top(ReaderOrdinals.VillageDim, _villageCounts, request.Village),
            Top(ReaderOrdinals.CategoryDim, _categoryCounts, request.Category),
            [.. Enumerable.Range(3, 3).Reverse().Where(s => _stars[s] > 0).Select(s => new FacetValue(s.ToString(System.Globalization.CultureInfo.InvariantCulture), _stars[s]))],
            [.. PriceBand.All.Select((b, i) => new FacetValue(b.Code, _bands[i])).Where(v => v.Count > 0)],
            InStock);
    }

    /// <summary>
    /// The values with results, most first and equal counts by value (so the order never depends on the segments),
    /// at most <see cref="MaxFacetValues"/> of them, and the chosen value even when it falls outside them.
    /// </summary>
    private static List<FacetValue> Listed(string[] names, int[] counts, string? chosen)
    {
        // One sortable key per value: the count, descending, above the ordinal, which is in value order.
        var found = 0;
        foreach (var count in counts)
        {
            found += count > 0 ? 1 : 0;
        }

        var keys = System.Buffers.ArrayPool<long>.Shared.Rent(found);
        try
        {
            for (int ord = 0, k = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    keys[k++] = ((long)(int.MaxValue - counts[ord]) << 32) | (uint)ord;
                }
            }

            // Only the first hundred keys need sorting: with thousands of values (the benchmark's 5,000 villages),
            // selecting them first costs a fraction of sorting them all.
            var shown = Math.Min(found, MaxFacetValues);
            if (found > shown)
            {
                SelectSmallest(keys.AsSpan(0, found), shown);
            }

            Array.Sort(keys, 0, shown);
            var listed = new List<FacetValue>(shown + 1);
            for (var k = 0; k < shown; k++)
            {
                listed.Add(new FacetValue(names[(int)keys[k]], counts[(int)keys[k]]));
            }

            if (chosen is not null && found > MaxFacetValues && Array.BinarySearch(names, chosen, StringComparer.Ordinal) is >= 0 and var at
                && counts[at] > 0 && !listed.Exists(v => v.Value == chosen))
            {
                listed.Add(new FacetValue(chosen, counts[at]));
            }

            return listed;
        }
        finally
        {
            System.Buffers.ArrayPool<long>.Shared.Return(keys);
        }
    }

    /// <summary>
    /// Moves the <paramref name="count"/> smallest of distinct keys to the front, in no order (Hoare's selection: each
    /// partition keeps only the side holding the boundary).
    /// </summary>
    internal static void SelectSmallest(Span<long> keys, int count)
    {
        var (low, high) = (0, keys.Length - 1);
        while (low < high)
        {
            var pivot = Median(keys[low], keys[low + ((high - low) / 2)], keys[high]);
            var (i, j) = (low, high);
            while (i <= j)
            {
                while (keys[i] < pivot)
                {
                    i++;
                }

                while (keys[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (keys[i], keys[j]) = (keys[j], keys[i]);
                    i++;
                    j--;
                }
            }

            // Now keys[low..j] ≤ pivot ≤ keys[i..high], and any between equal the pivot.
            if (count - 1 <= j)
            {
                high = j;
            }
            else if (count - 1 >= i)
            {
                low = i;
            }
            else
            {
                return;
            }
        }
    }

    private static long Median(long a, long b, long c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));

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
