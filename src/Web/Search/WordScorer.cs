using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace VillageCraftPortal.Web.Search;

/// <summary>
/// Matches and scores a search's words (<see cref="TextQuery.Match"/>) term by term, with the scores Lucene's own
/// scorers give, in about half their time on the benchmark, facet counting included (bench/RESULTS.md). Lucene.Net
/// 4.8 scores a query that needs most of its words with document-at-a-time scorers (a conjunction, or
/// <c>MinShouldMatchSumScorer</c>, which alone was 30 % of a search's CPU samples) that keep every term's postings in a
/// heap; and each term query opens its own terms and postings enumerators, part of the megabyte and a half a common
/// search allocated.
/// <para>
/// Here each segment's postings are read one term after another, through one terms enumerator per field and one
/// postings enumerator: each posting adds the term's score to its document's slot and sets the word's bit in the
/// slot's mask. Then the documents with enough words are collected in document order, scored as Lucene scores them:
/// the sum of their terms' scores (with the query norm and boosts Lucene's weights would have) times the coordination
/// factor, words found out of words. A test holds the scores and matches to Lucene's own.
/// </para>
/// </summary>
internal sealed class WordScorer
{
    private readonly IndexSearcher _searcher;
    private readonly TFIDFSimilarity _similarity;
    private readonly QueryTerm[] _terms;
    private readonly int _minimum;
    private readonly float[] _coord;
    private readonly float[] _tf = new float[256];
    private readonly PostingsCache _cache;

    // Per segment, the terms enumerator of each field the query reads (made to find the terms, reused to read them).
    private readonly Dictionary<string, TermsEnum>[] _enums;

    /// <summary>
    /// A term of the query: its word, its weight (Lucene's TF-IDF <c>IDFStats.Value</c>: idf² × boosts × query norm),
    /// and its state and document frequency in each segment (null where the segment lacks it).
    /// </summary>
    private sealed record QueryTerm(Term Term, string Text, int Word, float Weight, TermState?[] States, int[] DocFreqs);

    private WordScorer(IndexSearcher searcher, TFIDFSimilarity similarity, QueryTerm[] terms, int minimum, float[] coord, Dictionary<string, TermsEnum>[] enums, PostingsCache cache)
    {
        _cache = cache;
        _enums = enums;
        _searcher = searcher;
        _similarity = similarity;
        _terms = terms;
        _minimum = minimum;
        _coord = coord;
        for (var freq = 0; freq < _tf.Length; freq++)
        {
            _tf[freq] = similarity.Tf(freq);
        }
    }

    /// <summary>
    /// The scorer for a query of the shape <see cref="SearchQueries.Build"/> makes once rewritten (typo terms
    /// expanded): a Boolean query of optional words with coordination and a minimum to match, each word a term query
    /// or a disjunction, without coordination, of term queries or of such disjunctions. Null for any other query,
    /// which is left to Lucene. <paramref name="norm"/> is the query norm, as Lucene computes it. Common terms' postings
    /// are read from <paramref name="cache"/>.
    /// </summary>
    public static WordScorer? For(IndexSearcher searcher, Query query, PostingsCache cache, out float norm)
    {
        norm = 1f;
        if (searcher.Similarity is not TFIDFSimilarity similarity
            || searcher.Rewrite(query) is not BooleanQuery { CoordDisabled: false } top
            || top.Clauses.Count is 0 or > 31 || top.Clauses.Any(c => c.Occur != Occur.SHOULD))
        {
            return null;
        }

        var found = new List<(TermQuery Query, int Word, float ParentBoost)>();
        for (var word = 0; word < top.Clauses.Count; word++)
        {
            if (!Flatten(top.Clauses[word].Query, word, top.Boost, found))
            {
                return null;
            }
        }

        // The document frequency TermContext.Build sums for each TermQuery's weight, and the term's place in each
        // segment, from one terms enumerator per field and segment instead of one per term and segment.
        var leaves = searcher.IndexReader.Leaves;
        var states = found.Select(_ => new TermState?[leaves.Count]).ToArray();
        var segmentFreqs = found.Select(_ => new int[leaves.Count]).ToArray();
        var docFreq = new int[found.Count];
        var fields = found.Select(f => f.Query.Term.Field).Distinct(StringComparer.Ordinal).ToList();
        var enums = new Dictionary<string, TermsEnum>[leaves.Count];
        for (var l = 0; l < leaves.Count; l++)
        {
            enums[l] = new Dictionary<string, TermsEnum>(StringComparer.Ordinal);
            foreach (var field in fields)
            {
                var terms = leaves[l].AtomicReader.GetTerms(field)?.GetEnumerator();
                if (terms is not null)
                {
                    enums[l][field] = terms;
                }

                for (var i = 0; i < found.Count; i++)
                {
                    var term = found[i].Query.Term;
                    if (terms is null || term.Field != field || !terms.SeekExact(term.Bytes))
                    {
                        continue;
                    }

                    states[i][l] = terms.GetTermState();
                    segmentFreqs[i][l] = terms.DocFreq;
                    docFreq[i] += terms.DocFreq;
                }
            }
        }

        // As TermWeight's TF-IDF statistics under IndexSearcher.CreateNormalizedWeight: each term's query weight
        // (idf × boost), the norm of the whole query (each term's part weighed by the squared boosts above it), then
        // each term's weight normalised with those boosts. Float operations in Lucene's order, for the same scores.
        var idf = new float[found.Count];
        var queryWeight = new float[found.Count];
        var sum = 0f;
        for (var i = 0; i < found.Count; i++)
        {
            idf[i] = similarity.Idf(docFreq[i], searcher.IndexReader.MaxDoc);
            queryWeight[i] = idf[i] * found[i].Query.Boost;
            sum += queryWeight[i] * queryWeight[i] * found[i].ParentBoost * found[i].ParentBoost;
        }

        norm = similarity.QueryNorm(sum);
        if (float.IsInfinity(norm) || float.IsNaN(norm))
        {
            norm = 1f;
        }

        var queryTerms = new QueryTerm[found.Count];
        for (var i = 0; i < found.Count; i++)
        {
            var normalised = queryWeight[i] * (norm * found[i].ParentBoost);
            var term = found[i].Query.Term;
            queryTerms[i] = new QueryTerm(term, term.Text, found[i].Word, normalised * idf[i], states[i], segmentFreqs[i]);
        }

        var coord = new float[top.Clauses.Count + 1];
        for (var words = 0; words < coord.Length; words++)
        {
            coord[words] = similarity.Coord(words, top.Clauses.Count);
        }

        return new WordScorer(searcher, similarity, queryTerms, Math.Max(1, top.MinimumNumberShouldMatch), coord, enums, cache);
    }

    /// <summary>
    /// The term queries under one word, each with the product of the boosts above it; false when the word is not a
    /// term query or a disjunction of them without coordination.
    /// </summary>
    private static bool Flatten(Query query, int word, float parentBoost, List<(TermQuery, int, float)> into)
    {
        switch (query)
        {
            case TermQuery term:
                into.Add((term, word, parentBoost));
                return true;
            case BooleanQuery { CoordDisabled: true, MinimumNumberShouldMatch: 0 } disjunction when disjunction.Clauses.All(c => c.Occur == Occur.SHOULD):
                return disjunction.Clauses.All(clause => Flatten(clause.Query, word, parentBoost * disjunction.Boost, into));
            default:
                return false;
        }
    }

    /// <summary>Collects every matching document of every segment, in document order, as IndexSearcher.Search would.</summary>
    public void Collect(ICollector collector)
    {
        var current = new CurrentScore();
        var leaves = _searcher.IndexReader.Leaves;
        for (var l = 0; l < leaves.Count; l++)
        {
            var leaf = leaves[l];
            collector.SetNextReader(leaf);
            collector.SetScorer(current);

            // A segment without enough of the words has no match.
            var present = 0;
            foreach (var term in _terms)
            {
                present |= term.States[l] is null ? 0 : 1 << term.Word;
            }

            if (BitOperations.PopCount((uint)present) < _minimum)
            {
                continue;
            }

            var sums = Sums.Rent(leaf.AtomicReader.MaxDoc);
            try
            {
                Accumulate(leaf, l, sums);
                sums.Collect(collector, current, _minimum, _coord);
            }
            finally
            {
                Sums.Return(sums);
            }
        }
    }

    /// <summary>Every posting of every term in a segment, into the per-document sums.</summary>
    private void Accumulate(AtomicReaderContext leaf, int l, Sums sums)
    {
        var reader = leaf.AtomicReader;
        DocsEnum? docs = null;
        foreach (var term in _terms)
        {
            if (term.States[l] is not { } state)
            {
                continue;
            }

            var terms = _enums[l][term.Term.Field];
            var norms = FieldNorms.For(reader, term.Term.Field, _similarity);
            if (_cache.Get(reader, term.Term, term.Text, term.DocFreqs[l], terms, state) is { } cached)
            {
                sums.Add(cached, reader.LiveDocs, term.Weight, norms, _tf, 1 << term.Word);
                continue;
            }

            terms.SeekExact(term.Term.Bytes, state);
            docs = terms.Docs(reader.LiveDocs, docs, DocsFlags.FREQS);
            sums.Add(docs, term.Weight, norms, _tf, _similarity, 1 << term.Word);
        }
    }

    /// <summary>
    /// Per document of a segment: the sum of its terms' scores and the mask of its words, plus which documents were
    /// touched. Pooled, and always returned clean: collecting clears what it reads, and a collection cut short (the
    /// time budget) clears the lot.
    /// </summary>
    private sealed class Sums
    {
        private static readonly ConcurrentBag<Sums> Pool = [];

        private float[] _scores = [];
        private int[] _words = [];
        private ulong[] _touched = [];
        private bool _dirty;

        public static Sums Rent(int maxDoc)
        {
            var sums = Pool.TryTake(out var pooled) ? pooled : new Sums();
            if (sums._scores.Length < maxDoc)
            {
                sums._scores = new float[maxDoc];
                sums._words = new int[maxDoc];
                sums._touched = new ulong[(maxDoc + 63) / 64];
            }

            sums._dirty = true;
            return sums;
        }

        public static void Return(Sums sums)
        {
            if (sums._dirty)
            {
                Array.Clear(sums._scores);
                Array.Clear(sums._words);
                Array.Clear(sums._touched);
                sums._dirty = false;
            }

            Pool.Add(sums);
        }

        /// <summary>A term's postings: each adds tf × weight × the field's norm, as Lucene's TF-IDF scorer computes it.</summary>
        public void Add(DocsEnum docs, float weight, float[]? norms, float[] tf, TFIDFSimilarity similarity, int bit)
        {
            var (scores, words, touched) = (_scores, _words, _touched);
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                var freq = docs.Freq;
                var raw = (freq < tf.Length ? tf[freq] : similarity.Tf(freq)) * weight;
                touched[doc >> 6] |= 1UL << doc;
                words[doc] |= bit;
                scores[doc] += norms is null ? raw : raw * norms[doc];
            }
        }

        /// <summary>The same from a term's cached postings, skipping deleted documents.</summary>
        public void Add(CachedPostings postings, IBits? live, float weight, float[]? norms, float[] tf, int bit)
        {
            var (scores, words, touched) = (_scores, _words, _touched);
            var (ids, freqs) = (postings.Docs!, postings.Freqs!);
            for (var i = 0; i < ids.Length; i++)
            {
                var doc = ids[i];
                if (live is not null && !live.Get(doc))
                {
                    continue;
                }

                var raw = tf[freqs[i]] * weight;
                touched[doc >> 6] |= 1UL << doc;
                words[doc] |= bit;
                scores[doc] += norms is null ? raw : raw * norms[doc];
            }
        }

        /// <summary>Collects, in document order, the touched documents with enough words, clearing as it goes.</summary>
        public void Collect(ICollector collector, CurrentScore current, int minimum, float[] coord)
        {
            var (scores, words, touched) = (_scores, _words, _touched);
            for (var block = 0; block < touched.Length; block++)
            {
                var bits = touched[block];
                while (bits != 0)
                {
                    var doc = (block << 6) | BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    var found = BitOperations.PopCount((uint)words[doc]);
                    var score = scores[doc];
                    words[doc] = 0;
                    scores[doc] = 0f;
                    touched[block] = bits;
                    if (found >= minimum)
                    {
                        current.Doc = doc;
                        current.Score = score * coord[found];
                        collector.Collect(doc);
                    }
                }
            }

            _dirty = false;
        }
    }

    /// <summary>The document being collected and its score, for collectors that ask the scorer.</summary>
    private sealed class CurrentScore() : Scorer(null)
    {
        public int Doc { get; set; } = -1;

        public float Score { get; set; }

        public override int DocID => Doc;

        public override int Freq => 1;

        public override float GetScore() => Score;

        public override int NextDoc() => throw new NotSupportedException();

        public override int Advance(int target) => throw new NotSupportedException();

        public override long GetCost() => 1;
    }
}

/// <summary>
/// A segment's norms of a field, decoded once into floats (the length factor each posting's score is multiplied by),
/// kept while the segment lives. Null for a field without norms.
/// </summary>
internal static class FieldNorms
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, float[]?>> Cache = new();

    public static float[]? For(AtomicReader reader, string field, TFIDFSimilarity similarity) =>
        Cache.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, float[]?>(StringComparer.Ordinal))
            .GetOrAdd(field, f => Decode(reader, f, similarity));

    private static float[]? Decode(AtomicReader reader, string field, TFIDFSimilarity similarity)
    {
        if (reader.GetNormValues(field) is not { } norms)
        {
            return null;
        }

        var decoded = new float[reader.MaxDoc];
        for (var doc = 0; doc < decoded.Length; doc++)
        {
            decoded[doc] = similarity.DecodeNormValue(norms.Get(doc));
        }

        return decoded;
    }
}
