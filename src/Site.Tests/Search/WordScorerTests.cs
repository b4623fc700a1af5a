using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using VillageCraftPortal.Web.Search;
using static VillageCraftPortal.Site.Tests.Search.SearchEngineTests;

namespace VillageCraftPortal.Site.Tests.Search;

/// <summary>
/// The search's own scorer against Lucene's: on an index of several segments with deleted documents, every query
/// shape the search builds (one word, all words needed, most words needed, typo terms, either culture) must match
/// the same documents with the same scores as Lucene's IndexSearcher gives the same query, with postings read from the
/// index or from the postings cache.
/// </summary>
public sealed class WordScorerTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "vcp-words-" + Guid.NewGuid().ToString("N"));
    private readonly SearchIndex _index;

    // Every term kept, whatever its length: the test index is small.
    private readonly PostingsCache _cache = new(64 << 20, minDocFreq: 1);

    public WordScorerTests()
    {
        _index = new SearchIndex(_root, NullLogger<SearchIndex>.Instance);
        _index.OpenCurrent();
        string[] vi = ["gốm", "men", "lam", "bình", "hoa", "sen", "lụa", "vàng", "khăn", "rạn", "sứ", "bát", "đường", "dương"];
        string[] en = ["ceramic", "glaze", "blue", "vase", "flower", "lotus", "silk", "yellow", "scarf", "crackle", "bowl"];
        var random = new Random(11);
        string Words(string[] from, int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => from[random.Next(from.Length)]));

        // Three batches, so three segments; then a tenth of the first batch deleted.
        for (var batch = 0; batch < 3; batch++)
        {
            _index.Apply(
                [.. Enumerable.Range(0, 300).Select(i => Doc($"d{batch}-{i}", Words(vi, random.Next(1, 5)), $"{Words(vi, random.Next(3, 14))} {Words(en, random.Next(0, 6))}", nameEn: Words(en, random.Next(1, 4))))],
                [],
                new IndexCursors(batch + 1));
        }

        _index.Apply([], [.. Enumerable.Range(0, 30).Select(i => $"d0-{i * 10}")], new IndexCursors(4));
    }

    public void Dispose()
    {
        _index.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Theory]
    [InlineData("gốm", "vi")]
    [InlineData("gom", "vi")]
    [InlineData("bình hoa", "vi")]
    [InlineData("binh hoa sen", "vi")]
    [InlineData("lụa vàng khăn sen men", "vi")]
    [InlineData("đường", "vi")]
    [InlineData("hoaa senn", "vi")] // Words the index does not know: typo terms.
    [InlineData("silk scarf", "en")]
    [InlineData("blue ceramic vase flower", "en")]
    [InlineData("lotuss", "en")]
    [InlineData("gốm silk", "en")]
    [InlineData("zzzz qqqq", "vi")] // Nothing to find.
    public void Matches_and_scores_every_document_as_Lucene_does(string text, string culture)
    {
        _index.Search(searcher =>
        {
            Assert.True(searcher.IndexReader.Leaves.Count >= 2);
            Assert.True(searcher.IndexReader.HasDeletions);
            return 0;
        });

        // Read from the index; then from the cache twice (decoded by the first search, kept for the second).
        foreach (var cache in new[] { PostingsCache.None, _cache, _cache })
        {
            AssertScoredAsLucene(text, culture, cache);
        }

        Assert.True(text.StartsWith("zzzz", StringComparison.Ordinal) ? _cache.Count == 0 : _cache.Count > 0);
    }

    [Fact]
    public void Cached_postings_skip_documents_deleted_after_they_were_cached()
    {
        AssertScoredAsLucene("gốm sen", "vi", _cache);
        var cached = _cache.Bytes;
        _index.Apply([], [.. Enumerable.Range(0, 100).Select(i => $"d1-{i * 3}")], new IndexCursors(5));
        AssertScoredAsLucene("gốm sen", "vi", _cache);
        Assert.Equal(cached, _cache.Bytes); // The same segments: nothing decoded again.
    }

    [Fact]
    public void Live_bits_are_the_readers_live_documents_and_none_without_deletions()
    {
        _index.Search(searcher =>
        {
            var withDeletions = 0;
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var reader = leaf.AtomicReader;
                var bits = LiveBits.For(reader);
                if (reader.LiveDocs is not { } live)
                {
                    Assert.Null(bits);
                    continue;
                }

                withDeletions++;
                Assert.Same(bits, LiveBits.For(reader));
                for (var doc = 0; doc < reader.MaxDoc; doc++)
                {
                    Assert.Equal(live.Get(doc), (bits![doc >> 6] & (1UL << doc)) != 0);
                }
            }

            Assert.True(withDeletions > 0);
            return 0;
        });
    }

    [Fact]
    public void The_cache_stays_within_its_budget_keeping_the_terms_used_last()
    {
        var small = new PostingsCache(4_000, minDocFreq: 1);
        foreach (var text in new[] { "gốm", "men", "lam", "bình", "hoa", "sen", "lụa", "vàng" })
        {
            AssertScoredAsLucene(text, "vi", small);
            Assert.InRange(small.Bytes, 1, small.BudgetBytes);
        }

        var kept = small.Bytes;
        AssertScoredAsLucene("vàng", "vi", small); // The last word searched: still kept, nothing evicted.
        Assert.Equal(kept, small.Bytes);
    }

    [Fact]
    public void Postings_of_closed_segments_leave_the_cache()
    {
        AssertScoredAsLucene("binh hoa sen", "vi", _cache);
        Assert.True(_cache.Bytes > 0);

        // A rebuild replaces every segment; the old generation's readers close.
        var documents = _index.Search(searcher => Enumerable.Range(0, 40).Select(i => Doc($"n-{i}", "bình gốm", "hoa sen")).ToList());
        _index.Rebuild(documents, new IndexCursors(9));
        Assert.Equal(0, _cache.Bytes);
        Assert.Equal(0, _cache.Count);
        AssertScoredAsLucene("binh hoa sen", "vi", _cache);
        Assert.True(_cache.Bytes > 0);
    }

    [Fact]
    public void Scores_as_Lucene_over_a_segment_of_many_windows_with_empty_ones_between()
    {
        // 10,000 documents in one segment (three windows); "quý" only at both ends, so whole windows hold none of it.
        var root = Path.Combine(Path.GetTempPath(), "vcp-words-large-" + Guid.NewGuid().ToString("N"));
        using (var large = new SearchIndex(root, NullLogger<SearchIndex>.Instance))
        {
            large.OpenCurrent();
            var random = new Random(5);
            string[] words = ["gốm", "men", "lam", "bình", "hoa", "sen", "lụa", "vàng"];
            large.Rebuild(
                Enumerable.Range(0, 10_000).Select(i => Doc($"l{i}", $"{words[random.Next(words.Length)]} {(i < 20 || i > 9_950 ? "quý" : "thường")}", words[random.Next(words.Length)])),
                new IndexCursors(1));
            var cache = new PostingsCache(64 << 20, minDocFreq: 1);
            foreach (var (text, postings) in new[] { ("quý", PostingsCache.None), ("quý", cache), ("bình hoa", PostingsCache.None), ("bình hoa", cache), ("quý gốm", cache) })
            {
                AssertScoredAsLucene(large, text, "vi", postings);
            }
        }

        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void A_collection_cut_short_leaves_nothing_behind_for_the_next_search()
    {
        _index.Search(searcher =>
        {
            var query = SearchQueries.Build("binh hoa sen", "vi", searcher.IndexReader)!.Match;
            Assert.Throws<InvalidOperationException>(() => WordScorer.For(searcher, query, _cache, out _)!.Collect(new Stopping(after: 5)));
            return 0;
        });

        AssertScoredAsLucene("binh hoa sen", "vi", _cache);
        AssertScoredAsLucene("lụa vàng", "vi", PostingsCache.None);
    }

    [Theory]
    [InlineData("bình hoa", 1, "text")]
    [InlineData("hoa bình", 3, "text")]
    [InlineData("gốm men lam", 1, "text")]
    [InlineData("gốm men lam", 3, "text")]
    [InlineData("lụa vàng khăn sen", 3, "text")]
    [InlineData("sen hoa", 3, "name")]
    [InlineData("men gốm", 1, "name")]
    public void Phrase_scores_of_chosen_documents_are_Lucenes(string words, int slop, string field)
    {
        // Texts of 3 to 14 words drawn from 14 give every distance between words, and words repeated in a text.
        _index.Search(searcher =>
        {
            var phrase = new PhraseQuery { Slop = slop, Boost = 1.5f };
            foreach (var word in SearchQueries.FoldedWords(words))
            {
                phrase.Add(new Term(SearchFields.Folded(field, "vi"), word));
            }

            const float Norm = 0.37f;
            var lucene = new Dictionary<int, float>();
            var weight = searcher.Rewrite(phrase).CreateWeight(searcher);
            weight.Normalize(Norm, 1f);
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
                while (scorer is not null && scorer.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    lucene[leaf.DocBase + scorer.DocID] = scorer.GetScore();
                }
            }

            // Every document asked, deleted ones included, in an order that is not the documents'.
            var docs = Enumerable.Range(0, searcher.IndexReader.MaxDoc).Reverse().ToList();
            var byDoc = Enumerable.Range(0, docs.Count).OrderBy(i => docs[i]).ToArray();
            var (sums, found) = (new float[docs.Count], new int[docs.Count]);
            Assert.True(PhraseScores.TryAdd(searcher, phrase, Norm, docs, byDoc, sums, found));

            Assert.True(lucene.Count >= 3, $"only {lucene.Count} documents have the phrase");
            Assert.Equal(lucene.Keys.Order(), Enumerable.Range(0, docs.Count).Where(i => found[i] == 1).Select(i => docs[i]).Order());
            for (var i = 0; i < docs.Count; i++)
            {
                var expected = lucene.GetValueOrDefault(docs[i]);
                Assert.True(Math.Abs(sums[i] - expected) <= 1e-6f * expected, $"document {docs[i]}: {sums[i]} where Lucene gives {expected}");
            }

            return 0;
        });
    }

    [Fact]
    public void Phrases_with_a_repeated_word_or_no_slop_are_left_to_Lucene()
    {
        _index.Search(searcher =>
        {
            var field = SearchFields.Folded(SearchFields.Text, "vi");
            var (sums, found) = (new float[1], new int[1]);
            Assert.False(PhraseScores.TryAdd(searcher, new PhraseQuery { Slop = 2, Boost = 1f }.With(new Term(field, "hoa"), new Term(field, "sen"), new Term(field, "hoa")), 1f, [0], [0], sums, found));
            Assert.False(PhraseScores.TryAdd(searcher, new PhraseQuery().With(new Term(field, "hoa"), new Term(field, "sen")), 1f, [0], [0], sums, found));
            Assert.Equal((0f, 0), (sums[0], found[0]));
            return 0;
        });
    }

    [Theory]
    [InlineData(null, PostingsCache.DefaultBudgetMegabytes)]
    [InlineData("0", 0)]
    [InlineData("32", 32)]
    public void The_cache_budget_comes_from_configuration(string? megabytes, int expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Search:PostingsCacheMegabytes"] = megabytes }).Build();
        Assert.Equal(expected * 1048576L, PostingsCache.FromConfiguration(configuration).BudgetBytes);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("lots")]
    [InlineData("1.5")]
    public void A_bad_cache_budget_stops_the_start_with_a_clear_message(string megabytes)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Search:PostingsCacheMegabytes"] = megabytes }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => PostingsCache.FromConfiguration(configuration));
        Assert.Contains("Search:PostingsCacheMegabytes must be a whole number of megabytes", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Our matches, scores and query norm for a search's words are Lucene's, to float rounding.</summary>
    private void AssertScoredAsLucene(string text, string culture, PostingsCache cache) => AssertScoredAsLucene(_index, text, culture, cache);

    private static void AssertScoredAsLucene(SearchIndex index, string text, string culture, PostingsCache cache)
    {
        var (ours, lucene, ourNorm, luceneNorm) = index.Search(searcher =>
        {
            var query = SearchQueries.Build(text, culture, searcher.IndexReader)!.Match;
            var scorer = WordScorer.For(searcher, query, cache, out var norm);
            Assert.NotNull(scorer);
            var mine = new Recording();
            scorer.Collect(mine);

            var theirs = new Recording();
            searcher.Search(query, theirs);
            var weight = searcher.Rewrite(query).CreateWeight(searcher);
            return (mine.Scores, theirs.Scores, norm, searcher.Similarity.QueryNorm(weight.GetValueForNormalization()));
        });

        Assert.Equal(luceneNorm, ourNorm, 1e-6f);
        Assert.Equal(lucene.Keys.Order(), ours.Keys.Order());
        foreach (var (doc, score) in lucene)
        {
            Assert.True(Math.Abs(ours[doc] - score) <= 1e-5f * score, $"document {doc}: {ours[doc]} where Lucene gives {score}");
        }

        if (!text.StartsWith("zzzz", StringComparison.Ordinal))
        {
            Assert.NotEmpty(lucene);
        }
    }

    [Fact]
    public void Collects_in_document_order_and_leaves_other_queries_to_Lucene()
    {
        _index.Search(searcher =>
        {
            var recording = new Recording();
            WordScorer.For(searcher, SearchQueries.Build("bình hoa sen", "vi", searcher.IndexReader)!.Match, _cache, out _)!.Collect(recording);
            Assert.Equal(recording.Order.Order(), recording.Order);

            Assert.Null(WordScorer.For(searcher, new MatchAllDocsQuery(), _cache, out _));
            Assert.Null(WordScorer.For(searcher, new PhraseQuery { new Term(SearchFields.Folded(SearchFields.Text, "vi"), "gom") }, _cache, out _));
            var required = new BooleanQuery { { new TermQuery(new Term(SearchFields.Folded(SearchFields.Text, "vi"), "gom")), Occur.MUST } };
            Assert.Null(WordScorer.For(searcher, required, _cache, out _));
            return 0;
        });
    }

    /// <summary>A collector that gives up after some documents, as the time budget does.</summary>
    private sealed class Stopping(int after) : ICollector
    {
        private int _seen;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
        }

        public void Collect(int doc)
        {
            if (++_seen > after)
            {
                throw new InvalidOperationException("stop");
            }
        }
    }

    /// <summary>Every collected document (whole-index number) and its score.</summary>
    private sealed class Recording : ICollector
    {
        private Scorer? _scorer;
        private int _docBase;

        public Dictionary<int, float> Scores { get; } = [];

        public List<int> Order { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

        public void Collect(int doc)
        {
            Scores.Add(_docBase + doc, _scorer!.GetScore());
            Order.Add(_docBase + doc);
        }
    }
}

internal static class PhraseQueryExtensions
{
    public static PhraseQuery With(this PhraseQuery phrase, params Term[] terms)
    {
        foreach (var term in terms)
        {
            phrase.Add(term);
        }

        return phrase;
    }
}
