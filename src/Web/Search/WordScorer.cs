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
/// scorers give, in a fraction of their time on the benchmark, facet counting included (bench/RESULTS.md). Lucene.Net
/// 4.8 scores a query that needs most of its words with document-at-a-time scorers (a conjunction, or
/// <c>MinShouldMatchSumScorer</c>, which alone was 30 % of a search's CPU samples) that keep every term's postings in a
/// heap; and each term query opens its own terms and postings enumerators, part of the megabyte and a half a common
/// search allocated.
/// <para>
/// Here a segment is scored a window of documents at a time, and within a window one term after another (common terms'
/// postings from the <see cref="PostingsCache"/>, others through one terms enumerator per field): each posting adds the
/// term's score to its document's slot and sets the word's bit in the slot's mask. Then the window's documents with
/// enough words are collected in document order, scored as Lucene scores them: the sum of their terms' scores (with
/// the query norm and boosts Lucene's weights would have) times the coordination factor, words found out of words.
/// A test holds the scores and matches to Lucene's own, with and without the cache.
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

    // Norms as Lucene 4 stores them (a signed byte), decoded: indexed by the byte's bits.
    private readonly float[] _normTable = new float[256];
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

        for (var norm = 0; norm < _normTable.Length; norm++)
        {
            _normTable[norm] = similarity.DecodeNormValue((sbyte)norm);
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

    /// <summary>
    /// Collects every matching document of every segment, in document order, as IndexSearcher.Search would. A segment
    /// is scored one window of <see cref="Window.Size"/> documents at a time, every term's postings in the window before
    /// the next window: the window's sums stay in the processor's cache, where a segment-wide array was swept from
    /// memory once per term.
    /// </summary>
    public void Collect(ICollector collector)
    {
        var current = new CurrentScore();
        var faceting = collector as FacetingCollector;
        var window = Window.Rent();
        try
        {
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

                var cursors = Cursors(leaf.AtomicReader, l);
                var maxDoc = leaf.AtomicReader.MaxDoc;
                for (var start = Next(cursors); start < maxDoc; start = Next(cursors))
                {
                    var end = Math.Min(start + Window.Size, maxDoc);
                    foreach (var cursor in cursors)
                    {
                        cursor.Add(window, start, end);
                    }

                    window.Collect(collector, faceting, current, start, _minimum, _coord);
                }
            }
        }
        finally
        {
            Window.Return(window);
        }
    }

    /// <summary>The first document of the window holding the earliest posting not yet added.</summary>
    private static int Next(List<TermCursor> cursors)
    {
        var next = DocIdSetIterator.NO_MORE_DOCS;
        foreach (var cursor in cursors)
        {
            next = Math.Min(next, cursor.Doc);
        }

        return next == DocIdSetIterator.NO_MORE_DOCS ? next : next - (next % Window.Size);
    }

    /// <summary>A cursor over each term's postings in a segment: from the postings cache, or else from the index.</summary>
    private List<TermCursor> Cursors(AtomicReader reader, int l)
    {
        var cursors = new List<TermCursor>(_terms.Length);
        foreach (var term in _terms)
        {
            if (term.States[l] is not { } state)
            {
                continue;
            }

            var terms = _enums[l][term.Term.Field];
            if (_cache.Get(reader, term.Term, term.Text, term.DocFreqs[l], terms, state) is { } cached)
            {
                cursors.Add(new CachedCursor(cached, LiveBits.For(reader), term.Weight, _normTable, _tf, 1 << term.Word));
                continue;
            }

            terms.SeekExact(term.Term.Bytes, state);
            var norms = FieldNorms.For(reader, term.Term.Field, _similarity);
            cursors.Add(new EnumCursor(terms.Docs(reader.LiveDocs, null, DocsFlags.FREQS), term.Weight, norms, _tf, _similarity, 1 << term.Word));
        }

        return cursors;
    }

    /// <summary>
    /// A term's postings in a segment, added window by window: each posting adds tf × weight × the field's norm to its
    /// document's sum, as Lucene's TF-IDF scorer computes it, and the term's word to the document's words.
    /// </summary>
    private abstract class TermCursor(float weight, float[] tf, int bit)
    {
        protected float Weight { get; } = weight;

        protected float[] Tf { get; } = tf;

        protected int Bit { get; } = bit;

        /// <summary>The next document not yet added, or <see cref="DocIdSetIterator.NO_MORE_DOCS"/>.</summary>
        public abstract int Doc { get; }

        /// <summary>Adds the postings of documents before <paramref name="end"/> to the window starting at <paramref name="start"/>.</summary>
        public abstract void Add(Window window, int start, int end);
    }

    /// <summary>
    /// A term's cached postings, skipping documents deleted since (<paramref name="live"/>: a bit per live document). The norms are the cached bytes decoded through a
    /// table (<paramref name="normTable"/>) instead of the field's norms of the whole segment.
    /// </summary>
    private sealed class CachedCursor(CachedPostings postings, ulong[]? live, float weight, float[] normTable, float[] tf, int bit) : TermCursor(weight, tf, bit)
    {
        private readonly int[] _docs = postings.Docs!;
        private readonly byte[] _freqs = postings.Freqs!;
        private readonly byte[] _norms = postings.Norms!;
        private int _next;

        public override int Doc => _next < _docs.Length ? _docs[_next] : DocIdSetIterator.NO_MORE_DOCS;

        public override void Add(Window window, int start, int end)
        {
            _next = live is null ? Add(window, start, end, default(AllLive)) : Add(window, start, end, new LiveWords(live));
        }

        /// <summary>
        /// The postings, in a loop kept free of calls: <typeparamref name="TLive"/> is a struct, so the loop is
        /// compiled once without a deletion test and once with one.
        /// </summary>
        private int Add<TLive>(Window window, int start, int end, TLive isLive)
            where TLive : struct, ILive
        {
            var (docs, freqs, norms, tf, table, weight, bit) = (_docs, _freqs, _norms, Tf, normTable, Weight, Bit);
            var (scores, words, touched) = (window.Scores, window.Words, window.Touched);
            var i = _next;
            for (; i < docs.Length && i < freqs.Length && i < norms.Length; i++)
            {
                var doc = docs[i];
                if (doc >= end)
                {
                    break;
                }

                if (!isLive.Has(doc))
                {
                    continue;
                }

                var raw = tf[freqs[i]] * weight;
                var slot = doc - start;
                touched[slot >> 6] |= 1UL << slot;
                words[slot] |= bit;
                scores[slot] += raw * table[norms[i]];
            }

            return i;
        }
    }

    /// <summary>Whether a document is live (not deleted).</summary>
    private interface ILive
    {
        bool Has(int doc);
    }

    /// <summary>A segment without deletions.</summary>
    private readonly struct AllLive : ILive
    {
        public bool Has(int doc) => true;
    }

    /// <summary>A segment's live documents as bits (<see cref="LiveBits"/>).</summary>
    private readonly struct LiveWords(ulong[] bits) : ILive
    {
        public bool Has(int doc) => (bits[doc >> 6] & (1UL << doc)) != 0;
    }

    /// <summary>A term's postings read from the index (deleted documents already left out by Lucene).</summary>
    private sealed class EnumCursor : TermCursor
    {
        private readonly DocsEnum _docs;
        private readonly float[]? _norms;
        private readonly TFIDFSimilarity _similarity;
        private int _doc;

        /// <param name="norms">The field's norms in the segment, decoded (<see cref="FieldNorms"/>); null without norms.</param>
        public EnumCursor(DocsEnum docs, float weight, float[]? norms, float[] tf, TFIDFSimilarity similarity, int bit)
            : base(weight, tf, bit)
        {
            _docs = docs;
            _norms = norms;
            _similarity = similarity;
            _doc = docs.NextDoc();
        }

        public override int Doc => _doc;

        public override void Add(Window window, int start, int end)
        {
            var (docs, tf, norms, weight, bit) = (_docs, Tf, _norms, Weight, Bit);
            var (scores, words, touched) = (window.Scores, window.Words, window.Touched);
            var doc = _doc;
            for (; doc < end; doc = docs.NextDoc())
            {
                var freq = docs.Freq;
                var raw = (freq < tf.Length ? tf[freq] : _similarity.Tf(freq)) * weight;
                var slot = doc - start;
                touched[slot >> 6] |= 1UL << slot;
                words[slot] |= bit;
                scores[slot] += norms is null ? raw : raw * norms[doc];
            }

            _doc = doc;
        }
    }

    /// <summary>
    /// Per document of a window: the sum of its terms' scores and the mask of its words, plus which documents were
    /// touched. Pooled, and always returned clean: collecting clears what it reads, and a collection cut short (the
    /// time budget) clears the lot.
    /// </summary>
    private sealed class Window
    {
        /// <summary>Documents per window: its three arrays take 33 KB.</summary>
        public const int Size = 4096;

        private static readonly ConcurrentBag<Window> Pool = [];

        public float[] Scores { get; } = new float[Size];

        public int[] Words { get; } = new int[Size];

        public ulong[] Touched { get; } = new ulong[Size / 64];

        public static Window Rent() => Pool.TryTake(out var pooled) ? pooled : new Window();

        public static void Return(Window window)
        {
            // Collecting clears every touched document; a window cut short still has some.
            if (window.Touched.AsSpan().IndexOfAnyExcept(0UL) >= 0)
            {
                Array.Clear(window.Scores);
                Array.Clear(window.Words);
                Array.Clear(window.Touched);
            }

            Pool.Add(window);
        }

        /// <summary>Collects, in document order, the touched documents with enough words, clearing as it goes.</summary>
        public void Collect(ICollector collector, FacetingCollector? faceting, CurrentScore current, int start, int minimum, float[] coord)
        {
            var (scores, words, touched) = (Scores, Words, Touched);
            for (var block = 0; block < touched.Length; block++)
            {
                var bits = touched[block];
                while (bits != 0)
                {
                    var slot = (block << 6) | BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    var found = BitOperations.PopCount((uint)words[slot]);
                    var score = scores[slot];
                    words[slot] = 0;
                    scores[slot] = 0f;
                    touched[block] = bits;
                    if (found < minimum)
                    {
                        continue;
                    }

                    if (faceting is not null)
                    {
                        faceting.Collect(start + slot, score * coord[found]);
                    }
                    else
                    {
                        current.Doc = start + slot;
                        current.Score = score * coord[found];
                        collector.Collect(start + slot);
                    }
                }
            }
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

/// <summary>
/// A reader's live documents as plain bits (one per document, set when live), or null without deletions. Lucene's
/// live documents are read through an interface call per document; cached postings of a segment with deletions (any
/// segment after an update, until a merge) test each posting. Kept while the reader lives: a near-real-time reopen
/// has new live documents, and <see cref="SearchWarmer"/> builds them before the first search.
/// </summary>
internal static class LiveBits
{
    private static readonly ConditionalWeakTable<IBits, ulong[]> Cache = new();

    public static ulong[]? For(AtomicReader reader) =>
        reader.LiveDocs is { } live ? Cache.GetValue(live, l => Copy(l, reader.MaxDoc)) : null;

    /// <summary>Whether a reader's bits are built already, or it has no deletions (<see cref="SearchWarmer"/> builds them).</summary>
    public static bool IsBuilt(AtomicReader reader) => reader.LiveDocs is not { } live || Cache.TryGetValue(live, out _);

    private static ulong[] Copy(IBits live, int maxDoc)
    {
        var bits = new ulong[(maxDoc + 63) / 64];
        for (var doc = 0; doc < maxDoc; doc++)
        {
            if (live.Get(doc))
            {
                bits[doc >> 6] |= 1UL << doc;
            }
        }

        return bits;
    }
}
