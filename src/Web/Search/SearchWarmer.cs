using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using VillageCraftPortal.Web.Content;

namespace VillageCraftPortal.Web.Search;

/// <summary>
/// Makes each new searcher (every near-real-time reopen, on the indexer's thread) with the per-reader values a search
/// reads already built: each segment's filter values, its norms of the scored fields and its live documents as bits,
/// and the reader's facet ordinals. Otherwise the first search after a publish or a merge would build them on a
/// visitor's request.
/// </summary>
internal sealed class SearchWarmer : SearcherFactory
{
    private static readonly string[] ScoredFields =
    [
        .. Cultures.All.SelectMany(c => new[]
        {
            SearchFields.Exact(SearchFields.Name, c), SearchFields.Exact(SearchFields.Text, c),
            SearchFields.Folded(SearchFields.Name, c), SearchFields.Folded(SearchFields.Text, c),
        }),
    ];

    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        var searcher = new IndexSearcher(reader);
        foreach (var leaf in reader.Leaves)
        {
            SegmentValues.For(leaf.AtomicReader);
            LiveBits.For(leaf.AtomicReader);
            if (searcher.Similarity is TFIDFSimilarity similarity)
            {
                foreach (var field in ScoredFields)
                {
                    FieldNorms.For(leaf.AtomicReader, field, similarity);
                }
            }
        }

        ReaderOrdinals.For(reader);
        return searcher;
    }
}
