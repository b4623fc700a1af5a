using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace VillageCraftPortal.Web.Search;

/// <summary>
/// The scores a sloppy phrase query gives chosen documents (the best matches being rescored), as Lucene's
/// <c>SloppyPhraseScorer</c> computes them, reading those documents' positions only. Lucene's scorer, asked to advance
/// to a document, goes on to the next document where the phrase is found, reading the positions of every document
/// that has all the words on the way; rescoring a hundred documents spread over the index made it read most of them.
/// <para>
/// Handled: a phrase of two or more different words in one field, one position apart, with a slop above 0 (the
/// phrases <see cref="SearchQueries"/> makes). Anything else is left to Lucene. The match lengths are found as Lucene
/// finds them (the least phrase position always moved on; a match counted once the least position passes the next
/// one), each adding the similarity's slop factor to the phrase's frequency, which the similarity then scores;
/// a test holds the results to Lucene's.
/// </para>
/// </summary>
internal static class PhraseScores
{
    /// <summary>
    /// Adds the phrase's score under <paramref name="norm"/> to <paramref name="sums"/> and counts it in
    /// <paramref name="found"/>, for each document of <paramref name="docs"/> (whole-index numbers) where the phrase is
    /// found; <paramref name="byDoc"/> lists their indexes in document order. False, touching nothing, for a phrase it
    /// does not handle.
    /// </summary>
    public static bool TryAdd(IndexSearcher searcher, Query query, float norm, IReadOnlyList<int> docs, int[] byDoc, float[] sums, int[] found)
    {
        if (query is not PhraseQuery { Slop: > 0 } phrase || !Handles(phrase))
        {
            return false;
        }

        var terms = phrase.GetTerms();
        var field = terms[0].Field;
        var reader = searcher.IndexReader;

        // Each term's place in each segment, and its statistics over the index, as TermContext.Build gathers them.
        var states = new TermState?[terms.Length, reader.Leaves.Count];
        var docFreq = new int[terms.Length];
        var totalFreq = new long[terms.Length];
        var enums = new TermsEnum?[reader.Leaves.Count];
        for (var l = 0; l < reader.Leaves.Count; l++)
        {
            enums[l] = reader.Leaves[l].AtomicReader.GetTerms(field)?.GetEnumerator();
            for (var t = 0; t < terms.Length; t++)
            {
                if (enums[l] is { } segmentEnum && segmentEnum.SeekExact(terms[t].Bytes))
                {
                    states[t, l] = segmentEnum.GetTermState();
                    docFreq[t] += segmentEnum.DocFreq;
                    totalFreq[t] = segmentEnum.TotalTermFreq is var total && total >= 0 && totalFreq[t] >= 0 ? totalFreq[t] + total : -1;
                }
            }
        }

        var similarity = searcher.Similarity;
        var statistics = terms.Select((term, t) => new TermStatistics(term.Bytes, docFreq[t], totalFreq[t])).ToArray();
        var weight = similarity.ComputeWeight(phrase.Boost, searcher.CollectionStatistics(field), statistics);
        weight.Normalize(norm, 1f);

        var next = 0;
        var positions = new PhrasePositions[terms.Length];
        for (var l = 0; l < reader.Leaves.Count; l++)
        {
            var leaf = reader.Leaves[l];
            var end = leaf.DocBase + leaf.AtomicReader.MaxDoc;
            var first = next;
            while (next < byDoc.Length && docs[byDoc[next]] < end)
            {
                next++;
            }

            if (first == next || enums[l] is not { } segmentTerms || Enumerable.Range(0, terms.Length).Any(t => states[t, l] is null))
            {
                continue; // No document of this segment asked, or a word missing from it.
            }

            // The rarest word first: a document without it is left at once.
            for (var t = 0; t < terms.Length; t++)
            {
                segmentTerms.SeekExact(terms[t].Bytes, states[t, l]);
                positions[t] = new PhrasePositions(segmentTerms.DocsAndPositions(leaf.AtomicReader.LiveDocs, null, DocsAndPositionsFlags.NONE)!, t, segmentTerms.DocFreq);
            }

            var byRarity = positions.OrderBy(p => p.DocFreq).ToArray();
            var scorer = similarity.GetSimScorer(weight, leaf);
            for (var i = first; i < next; i++)
            {
                var target = docs[byDoc[i]] - leaf.DocBase;
                if (!Array.TrueForAll(byRarity, p => p.Advance(target)))
                {
                    continue;
                }

                var freq = SloppyFreq(positions, phrase.Slop, scorer);
                if (freq > 0f)
                {
                    sums[byDoc[i]] += scorer.Score(target, freq);
                    found[byDoc[i]]++;
                }
            }
        }

        return true;
    }

    /// <summary>Distinct words (a repeated word needs Lucene's collision handling), at consecutive positions.</summary>
    private static bool Handles(PhraseQuery phrase)
    {
        var terms = phrase.GetTerms();
        var at = phrase.GetPositions();
        return terms.Length >= 2
            && terms.All(t => t.Field == terms[0].Field)
            && terms.Select(t => t.Text).Distinct(StringComparer.Ordinal).Count() == terms.Length
            && at.Select((p, i) => p == i).All(consecutive => consecutive);
    }

    /// <summary>
    /// The phrase's sloppy frequency in the current document, as <c>SloppyPhraseScorer.PhraseFreq</c> sums it: the
    /// least phrase position (a word's position less its place in the phrase) always moves on; while it stays at or
    /// below the next least, the match length (largest position less least) is minimised; when it passes it, the match
    /// counts if it is within the slop.
    /// </summary>
    private static float SloppyFreq(PhrasePositions[] positions, int slop, Similarity.SimScorer scorer)
    {
        var end = int.MinValue;
        foreach (var p in positions)
        {
            p.First();
            end = Math.Max(end, p.Position);
        }

        var freq = 0f;
        var pp = Least(positions, null);
        var matchLength = end - pp.Position;
        var next = Least(positions, pp).Position;
        while (pp.Next())
        {
            end = Math.Max(end, pp.Position);
            if (pp.Position > next)
            {
                if (matchLength <= slop)
                {
                    freq += scorer.ComputeSlopFactor(matchLength);
                }

                pp = Least(positions, null);
                next = Least(positions, pp).Position;
                matchLength = end - pp.Position;
            }
            else
            {
                matchLength = Math.Min(matchLength, end - pp.Position);
            }
        }

        if (matchLength <= slop)
        {
            freq += scorer.ComputeSlopFactor(matchLength);
        }

        return freq;
    }

    /// <summary>The least by phrase position, then by place in the phrase (Lucene's phrase queue order), leaving one out.</summary>
    private static PhrasePositions Least(PhrasePositions[] positions, PhrasePositions? except)
    {
        PhrasePositions? least = null;
        foreach (var p in positions)
        {
            if (p != except && (least is null || p.Position < least.Position || (p.Position == least.Position && p.Offset < least.Offset)))
            {
                least = p;
            }
        }

        return least!;
    }

    /// <summary>A word's positions in the current document, less its place in the phrase.</summary>
    private sealed class PhrasePositions(DocsAndPositionsEnum postings, int offset, int docFreq)
    {
        private int _left;

        public int Offset { get; } = offset;

        public int DocFreq { get; } = docFreq;

        public int Position { get; private set; }

        /// <summary>Moves to <paramref name="target"/>; false when the word is not in it.</summary>
        public bool Advance(int target) =>
            (postings.DocID >= target ? postings.DocID : postings.Advance(target)) == target;

        public void First()
        {
            _left = postings.Freq;
            Next();
        }

        public bool Next()
        {
            if (_left-- <= 0)
            {
                return false;
            }

            Position = postings.NextPosition() - Offset;
            return true;
        }
    }
}
