using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace VillageCraftPortal.Web.Search;

/// <summary>
/// A segment's filter and sort values as plain arrays, read once from its doc values and kept while the segment
/// lives (keyed by its core, which near-real-time reopens share). Collecting then costs array reads, not a doc-values
/// call per document and field.
/// </summary>
internal sealed class SegmentValues
{
    private static readonly ConditionalWeakTable<object, SegmentValues> Cache = new();

    private SegmentValues(AtomicReader reader)
    {
        var count = reader.MaxDoc;
        var (type, typeNames) = Ords(reader.GetSortedDocValues(SearchFields.Type), count);
        var (village, villageNames) = Ords(reader.GetSortedDocValues(SearchFields.Village), count);
        var (category, categoryNames) = Ords(reader.GetSortedDocValues(SearchFields.Category), count);
        (TypeNames, VillageNames, CategoryNames) = (typeNames, villageNames, categoryNames);
        Facets = new DocFacets[count];
        Price = new long[count];
        Date = new long[count];
        var stars = reader.GetNumericDocValues(SearchFields.Stars);
        var price = reader.GetNumericDocValues(SearchFields.Price);
        var stock = reader.GetNumericDocValues(SearchFields.InStock);
        var date = reader.GetNumericDocValues(SearchFields.Date);
        for (var doc = 0; doc < count; doc++)
        {
            Price[doc] = price?.Get(doc) ?? -1;
            Date[doc] = date?.Get(doc) ?? 0;
            Facets[doc] = new DocFacets(
                type[doc],
                village[doc],
                category[doc],
                (sbyte)(stars?.Get(doc) ?? -1),
                (sbyte)PriceBand.IndexOf(Price[doc]),
                (sbyte)(stock?.Get(doc) ?? -1));
        }
    }

    /// <summary>
    /// Per document, its filter and facet values side by side (16 bytes), so that a match reads one place in memory
    /// instead of six arrays.
    /// </summary>
    public DocFacets[] Facets { get; }

    public string[] TypeNames { get; }

    public string[] VillageNames { get; }

    public string[] CategoryNames { get; }

    public long[] Price { get; }

    public long[] Date { get; }

    public static SegmentValues For(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => new SegmentValues(reader));

    /// <summary>
    /// A document's filter and facet values: the ordinals of its type, village and category in the names of its segment
    /// (or -1), its OCOP stars (or -1), the index of its price's band in <see cref="PriceBand.All"/> (or -1: no price),
    /// and whether it is in stock (1, 0, or -1 when not a product).
    /// </summary>
    internal readonly record struct DocFacets(int Type, int Village, int Category, sbyte Stars, sbyte Band, sbyte Stock);

    private static (int[] Ords, string[] Names) Ords(SortedDocValues? values, int count)
    {
        var ords = new int[count];
        if (values is null)
        {
            Array.Fill(ords, -1);
            return (ords, []);
        }

        for (var doc = 0; doc < count; doc++)
        {
            ords[doc] = values.GetOrd(doc);
        }

        var names = new string[values.ValueCount];
        var scratch = new BytesRef();
        for (var ord = 0; ord < names.Length; ord++)
        {
            values.LookupOrd(ord, scratch);
            names[ord] = scratch.Utf8ToString();
        }

        return (ords, names);
    }
}

/// <summary>
/// The facet values of a whole reader (all its segments) in one ordinal list per dimension (type, village,
/// category), with each segment's ordinals mapped into it, so that counts can be kept in arrays instead of a
/// dictionary of strings. Built once per reader: a near-real-time reopen makes a new one.
/// </summary>
internal sealed class ReaderOrdinals
{
    public const int TypeDim = 0, VillageDim = 1, CategoryDim = 2;

    private static readonly ConditionalWeakTable<IndexReader, ReaderOrdinals> Cache = new();

    private readonly int[][][] _maps;

    private ReaderOrdinals(IndexReader reader)
    {
        var leaves = reader.Leaves;
        var values = leaves.Select(l => SegmentValues.For(l.AtomicReader)).ToList();
        Func<SegmentValues, string[]>[] dims = [v => v.TypeNames, v => v.VillageNames, v => v.CategoryNames];
        Names = new string[dims.Length][];
        _maps = new int[leaves.Count][][];
        for (var leaf = 0; leaf < leaves.Count; leaf++)
        {
            _maps[leaf] = new int[dims.Length][];
        }

        for (var dim = 0; dim < dims.Length; dim++)
        {
            var names = values.SelectMany(dims[dim]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            Names[dim] = names;
            for (var leaf = 0; leaf < leaves.Count; leaf++)
            {
                _maps[leaf][dim] = [.. dims[dim](values[leaf]).Select(name => Array.BinarySearch(names, name, StringComparer.Ordinal))];
            }
        }
    }

    /// <summary>Per dimension: every value of the reader, in ordinal (string) order.</summary>
    public string[][] Names { get; }

    /// <summary>A segment's ordinals of a dimension as the reader's.</summary>
    public int[] Map(int leaf, int dim) => _maps[leaf][dim];

    public static ReaderOrdinals For(IndexReader reader) => Cache.GetValue(reader, r => new ReaderOrdinals(r));

    /// <summary>Whether a reader's ordinals are built already (<see cref="SearchWarmer"/> builds them).</summary>
    public static bool IsBuilt(IndexReader reader) => Cache.TryGetValue(reader, out _);
}
