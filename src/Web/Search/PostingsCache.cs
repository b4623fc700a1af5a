using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace VillageCraftPortal.Web.Search;

/// <summary>
/// The postings of common terms (documents, frequencies and the field's norms) decoded once into plain arrays and kept in memory, within a
/// budget, for <see cref="WordScorer"/>: reading Lucene's compressed postings through its enumerators was the largest
/// part of a common search's time, and a common word's postings are read by most searches that contain it. In-memory
/// engines such as Meilisearch and Typesense keep all of their postings this way; here only the terms searched for
/// are kept, the least recently used going first when the budget is reached.
/// <para>
/// A segment never changes, so a term's arrays stay right for as long as its segment lives: they are keyed by the
/// segment's core (which near-real-time reopens share) and dropped when the core is closed. Deleted documents are kept
/// in the arrays and skipped when read, because deletions change from one reopen to the next.
/// </para>
/// </summary>
public sealed class PostingsCache
{
    /// <summary>The site's budget unless <c>Search:PostingsCacheMegabytes</c> sets another (0 turns the cache off).</summary>
    public const int DefaultBudgetMegabytes = 128;

    /// <summary>Terms in fewer documents of a segment are read from the index each time: they cost little to read.</summary>
    public const int DefaultMinDocFreq = 1024;

    /// <summary>The largest frequency kept (one byte); a term found more often in one document is not cached.</summary>
    private const int MaxFreq = byte.MaxValue;

    private readonly ConcurrentDictionary<Key, CachedPostings> _entries = new();
    private readonly CoreListener _listener;
    private readonly Lock _evicting = new();
    private long _bytes;
    private long _clock;

    public PostingsCache(long budgetBytes, int minDocFreq = DefaultMinDocFreq)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(budgetBytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(minDocFreq, 1);
        BudgetBytes = budgetBytes;
        MinDocFreq = minDocFreq;
        _listener = new CoreListener(this);
    }

    /// <summary>The site's cache: <c>Search:PostingsCacheMegabytes</c>, a whole number of megabytes, 0 for none.</summary>
    public static PostingsCache FromConfiguration(IConfiguration configuration)
    {
        const string Key = "Search:PostingsCacheMegabytes";
        var value = configuration[Key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return new PostingsCache(DefaultBudgetMegabytes * 1048576L);
        }

        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var megabytes)
            ? new PostingsCache(megabytes * 1048576L)
            : throw new InvalidOperationException($"{Key} must be a whole number of megabytes, 0 or more (it is \"{value}\").");
    }

    /// <summary>A cache that keeps nothing: every search reads its postings from the index.</summary>
    public static PostingsCache None { get; } = new(0);

    public long BudgetBytes { get; }

    public int MinDocFreq { get; }

    /// <summary>The memory the kept arrays take.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>The terms kept (per segment and field).</summary>
    public int Count => _entries.Count(e => e.Value.Docs is not null);

    /// <summary>
    /// A term's postings in a segment, decoded on first use from <paramref name="terms"/> (positioned on the term with
    /// <paramref name="state"/>); null when the term is too rare to keep, too large for the budget, or the reader is not
    /// a segment (nothing would tell when it closes).
    /// </summary>
    internal CachedPostings? Get(AtomicReader reader, Term term, string text, int docFreq, TermsEnum terms, TermState state)
    {
        if (docFreq < MinDocFreq || reader is not SegmentReader segment || CachedPostings.SizeOf(docFreq) > BudgetBytes / 8)
        {
            return null;
        }

        var key = new Key(segment.CoreCacheKey, term.Field, text);
        if (_entries.TryGetValue(key, out var found))
        {
            found.LastUsed = Interlocked.Increment(ref _clock);
            return found.Docs is null ? null : found;
        }

        if (reader.GetNormValues(term.Field) is not { } norms)
        {
            return null; // A field without norms: none of the search's, and not worth a second loop.
        }

        terms.SeekExact(term.Bytes, state);
        var decoded = CachedPostings.Decode(terms.Docs(null, null, DocsFlags.FREQS), norms, terms.DocFreq, MaxFreq);
        decoded.LastUsed = Interlocked.Increment(ref _clock);
        MakeRoom(decoded.Bytes);
        segment.AddCoreDisposedListener(_listener); // A set: one listener per core, however often added.

        if (_entries.TryAdd(key, decoded))
        {
            Interlocked.Add(ref _bytes, decoded.Bytes);
        }

        return decoded.Docs is null ? null : decoded;
    }

    /// <summary>Drops the least recently used terms until the new one fits in three quarters of the budget.</summary>
    private void MakeRoom(long needed)
    {
        if (Bytes + needed <= BudgetBytes)
        {
            return;
        }

        lock (_evicting)
        {
            var target = (BudgetBytes * 3 / 4) - needed;
            foreach (var (key, entry) in _entries.OrderBy(e => e.Value.LastUsed).ToList())
            {
                if (Bytes <= target)
                {
                    break;
                }

                if (_entries.TryRemove(new KeyValuePair<Key, CachedPostings>(key, entry)))
                {
                    Interlocked.Add(ref _bytes, -entry.Bytes);
                }
            }
        }
    }

    /// <summary>A segment's core was closed: its terms go.</summary>
    private void Forget(object core)
    {
        foreach (var (key, entry) in _entries)
        {
            if (ReferenceEquals(key.Core, core) && _entries.TryRemove(new KeyValuePair<Key, CachedPostings>(key, entry)))
            {
                Interlocked.Add(ref _bytes, -entry.Bytes);
            }
        }
    }

    private readonly record struct Key(object Core, string Field, string Text);

    private sealed class CoreListener(PostingsCache cache) : SegmentReader.ICoreDisposedListener
    {
        public void OnDispose(object ownerCoreCacheKey) => cache.Forget(ownerCoreCacheKey);
    }
}

/// <summary>
/// A term's postings in one segment: its documents in order, deleted ones included, its frequency in each, and each
/// document's norm of the field as Lucene 4 stores it (one byte), so that scoring reads three arrays in order instead
/// of the field's norms all over. <see cref="Docs"/> is null for a term that cannot be
/// kept (a frequency above one byte, or a norm beyond one), remembered so that it is not decoded again.
/// </summary>
internal sealed class CachedPostings
{
    private CachedPostings(int[]? docs, byte[]? freqs, byte[]? norms)
    {
        Docs = docs;
        Freqs = freqs;
        Norms = norms;
    }

    public int[]? Docs { get; }

    public byte[]? Freqs { get; }

    /// <summary>Per posting, the low byte of the document's norm (Lucene 4's norms are signed bytes).</summary>
    public byte[]? Norms { get; }

    public long Bytes => SizeOf(Docs?.Length ?? 0);

    public long LastUsed { get; set; }

    /// <summary>What a term of <paramref name="postings"/> documents takes.</summary>
    public static long SizeOf(int postings) => postings * (sizeof(int) + (2 * sizeof(byte)));

    public static CachedPostings Decode(DocsEnum docs, NumericDocValues norms, int docFreq, int maxFreq)
    {
        var ids = new int[docFreq];
        var freqs = new byte[docFreq];
        var normBytes = new byte[docFreq];
        var count = 0;
        for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
        {
            var freq = docs.Freq;
            var norm = norms.Get(doc);
            if (freq > maxFreq || norm is < sbyte.MinValue or > sbyte.MaxValue)
            {
                return new CachedPostings(null, null, null);
            }

            ids[count] = doc;
            freqs[count] = (byte)freq;
            normBytes[count++] = (byte)norm;
        }

        return count == docFreq ? new CachedPostings(ids, freqs, normBytes) : new CachedPostings(ids[..count], freqs[..count], normBytes[..count]);
    }
}
