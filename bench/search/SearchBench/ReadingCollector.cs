using Lucene.Net.Index;
using Lucene.Net.Search;
using VillageCraftPortal.Web.Search;

namespace VillageCraftPortal.Bench.Search;

/// <summary>
/// For the breakdown: reads what <c>FacetingCollector</c> reads for each matching document (three ordinals, three
/// numbers, the score) and does nothing else with them, to tell the cost of the reads from that of the logic.
/// </summary>
internal sealed class ReadingCollector : ICollector
{
    private Scorer? _scorer;
    private SortedDocValues? _type, _village, _category;
    private NumericDocValues? _stars, _price, _stock;

    public long Sum { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        var reader = context.AtomicReader;
        _type = reader.GetSortedDocValues(SearchFields.Type);
        _village = reader.GetSortedDocValues(SearchFields.Village);
        _category = reader.GetSortedDocValues(SearchFields.Category);
        _stars = reader.GetNumericDocValues(SearchFields.Stars);
        _price = reader.GetNumericDocValues(SearchFields.Price);
        _stock = reader.GetNumericDocValues(SearchFields.InStock);
    }

    public void Collect(int doc)
    {
        Sum += (_type?.GetOrd(doc) ?? 0) + (_village?.GetOrd(doc) ?? 0) + (_category?.GetOrd(doc) ?? 0)
            + (_stars?.Get(doc) ?? 0) + (_price?.Get(doc) ?? 0) + (_stock?.Get(doc) ?? 0) + (long)_scorer!.GetScore();
    }
}
