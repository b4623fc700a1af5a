using Microsoft.Extensions.Logging.Abstractions;
using VillageCraftPortal.Web.Search;

namespace VillageCraftPortal.Site.Tests.Search;

/// <summary>The engine on its own: a real index on disk with a handful of documents made for each property.</summary>
public sealed class SearchEngineTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "vcp-search-" + Guid.NewGuid().ToString("N"));
    private readonly SearchIndex _index;
    private readonly SearchService _search;

    public SearchEngineTests()
    {
        _index = new SearchIndex(_root, NullLogger<SearchIndex>.Instance);
        _index.OpenCurrent();
        _search = new SearchService(_index, new PopularSearches(), new PostingsCache(16 << 20, minDocFreq: 1));
    }

    public void Dispose()
    {
        _index.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    internal static SearchDocument Doc(string key, string name, string text = "", SearchType type = SearchType.Product, string? village = null, string? category = null, int stars = -1, long price = -1, int inStock = -1, int day = 1, string? nameEn = null) =>
        new(key, type, new Dictionary<string, SearchText>
        {
            ["vi"] = new(name, text, $"/vi/{key}"),
            ["en"] = new(nameEn ?? name, text, $"/en/{key}"),
        }, null, village, category, stars, price, inStock, new DateTime(2026, 1, day, 0, 0, 0, DateTimeKind.Utc));

    private List<string> Keys(string text, string culture = "vi", SearchSort sort = SearchSort.Relevance) =>
        [.. _search.Search(new SearchRequest { Text = text, Culture = culture, Sort = sort }).Hits.Select(h => h.Key)];

    [Fact]
    public void Before_the_index_opens_searches_answer_empty_instead_of_failing()
    {
        using var closed = new SearchIndex(Path.Combine(_root, "closed"), NullLogger<SearchIndex>.Instance);
        var search = new SearchService(closed, new PopularSearches(), PostingsCache.None);
        Assert.Equal(0, search.Search(new SearchRequest { Text = "gốm" }).Total);
        Assert.Empty(search.Suggest("g", "vi"));
    }

    [Fact]
    public void Exact_diacritics_rank_above_folded_matches()
    {
        _index.Apply([Doc("duong", "Phố Dương Liễu"), Doc("duong-2", "Con đường gốm sứ")], [], new IndexCursors(1));
        Assert.Equal(["duong-2", "duong"], Keys("đường"));
        Assert.Equal(["duong", "duong-2"], Keys("dương"));
        Assert.Equal(2, Keys("duong").Count); // Without diacritics both match.
    }

    [Fact]
    public void Old_and_new_tone_placement_find_each_other()
    {
        _index.Apply([Doc("hoa", "Gốm Hoà Bình"), Doc("thuy", "Lụa Thụy Khuê")], [], new IndexCursors(1));
        Assert.Equal(["hoa"], Keys("hòa"));
        Assert.Equal(["thuy"], Keys("thuỵ"));
    }

    [Fact]
    public void One_typo_is_forgiven_in_words_of_four_letters_or_more_only()
    {
        _index.Apply([Doc("lacquer", "Lacquer tray", nameEn: "Lacquer tray"), Doc("bat", "Bát men lam"), Doc("ban", "Bàn gỗ")], [], new IndexCursors(1));
        Assert.Equal(["lacquer"], Keys("lacqer", "en"));
        Assert.Equal(["lacquer"], Keys("lacquar", "en"));
        Assert.Empty(Keys("lacqxxr", "en")); // Two edits: no.
        Assert.Equal(["bat"], Keys("bat")); // Short syllables match exactly: "bat" does not find "bàn".
        Assert.Equal(["ban"], Keys("ban"));
    }

    [Fact]
    public void Words_found_together_rank_above_words_found_apart()
    {
        _index.Apply(
        [
            Doc("apart", "Bình gốm", "Men lam. Bàn xoay ở làng bên cạnh Vạn Phúc"),
            Doc("together", "Khăn lụa", "Lụa Vạn Phúc dệt tay"),
        ], [], new IndexCursors(1));
        Assert.Equal("together", Keys("van phuc").First());
    }

    [Theory]
    [InlineData("gốm men lam", "vi")]
    [InlineData("binh hoa", "vi")]
    [InlineData("lụa vàng khăn", "vi")]
    [InlineData("hoa sen gom", "en")]
    [InlineData("men ran binh hoa", "vi")]
    [InlineData("hoa sen hoa", "vi")] // A repeated word: the phrase is left to Lucene's scorer.
    public void The_phrase_boost_on_the_best_hundred_orders_them_as_the_one_pass_query_would(string text, string culture)
    {
        ApplyManyFromSmallVocabulary();

        var ours = _search.Search(new SearchRequest { Text = text, Culture = culture }).Hits.Select(h => h.Key).ToList();

        var (expected, scoreOf) = _index.Search(searcher =>
        {
            var query = SearchQueries.Build(text, culture, searcher.IndexReader)!;
            Assert.NotEmpty(query.Phrases);
            string Key(int doc) => searcher.Doc(doc).Get(SearchFields.Key, System.Globalization.CultureInfo.InvariantCulture);
            var window = searcher.Search(query.Match, SearchService.RescoreWindow).ScoreDocs.Select(d => Key(d.Doc)).ToHashSet();
            Assert.True(searcher.Search(query.Match, 1).TotalHits > SearchService.RescoreWindow);
            var combined = searcher.Search(query.Combined(), 400).ScoreDocs.Select(d => (Key: Key(d.Doc), d.Score)).ToList();
            return (combined.Where(d => window.Contains(d.Key)).Take(20).ToList(), combined.ToDictionary(d => d.Key, d => d.Score));
        });

        // The same documents in the same order; where two scores tie (to float rounding), either may come first.
        Assert.Equal(expected.Count, ours.Count);
        for (var i = 0; i < ours.Count; i++)
        {
            Assert.True(Math.Abs(scoreOf[ours[i]] - expected[i].Score) <= 1e-4f * expected[i].Score, $"#{i + 1}: {ours[i]} ({scoreOf[ours[i]]}) where {expected[i].Key} ({expected[i].Score})");
        }
    }

    [Fact]
    public void Pages_of_a_rescored_search_follow_on_from_each_other_past_the_window()
    {
        ApplyManyFromSmallVocabulary();
        var pages = Enumerable.Range(1, 8).Select(page => _search.Search(new SearchRequest { Text = "bình hoa", Culture = "vi", Page = page })).ToList();

        Assert.True(pages[0].Total > 8 * 20);
        var keys = pages.SelectMany(p => p.Hits.Select(h => h.Key)).ToList();
        Assert.Equal(8 * 20, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count()); // No result twice, none skipped between pages 5 and 6.
    }

    /// <summary>400 documents from a small vocabulary, so a query of two common words matches well over the rescoring window.</summary>
    private void ApplyManyFromSmallVocabulary()
    {
        string[] words = ["gốm", "men", "lam", "bình", "hoa", "sen", "lụa", "vàng", "khăn", "rạn", "sứ", "bát"];
        var random = new Random(7);
        string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => words[random.Next(words.Length)]));
        _index.Apply([.. Enumerable.Range(0, 400).Select(i => Doc($"d{i}", Words(random.Next(2, 5)), $"{Words(random.Next(4, 14))} mã{i}", nameEn: Words(random.Next(2, 4))))], [], new IndexCursors(1));
    }

    [Fact]
    public void Facets_count_every_value_under_the_other_filters()
    {
        _index.Apply(
        [
            Doc("a", "Bình gốm men lam", village: "bat-trang", category: "ceramics", stars: 4, price: 150_000, inStock: 1),
            Doc("b", "Bát gốm men rạn", village: "bat-trang", category: "ceramics", stars: 3, price: 450_000, inStock: 0),
            Doc("c", "Lọ gốm cổ", village: "kim-lan", category: "ceramics", stars: 4, price: 2_000_000, inStock: 1),
            Doc("v", "Làng gốm Bát Tràng", type: SearchType.Village, village: "bat-trang"),
            Doc("x", "Khăn lụa", village: "van-phuc", category: "silk", price: 300_000, inStock: 1),
        ], [], new IndexCursors(1));

        var all = _search.Search(new SearchRequest { Text = "gốm" });
        Assert.Equal(4, all.Total);
        Assert.Equal([new FacetValue("bat-trang", 3), new FacetValue("kim-lan", 1)], all.Facets.Villages);
        Assert.Equal([new FacetValue("product", 3), new FacetValue("village", 1)], all.Facets.Types);
        Assert.Equal(2, all.Facets.InStock);

        // Choosing a village narrows the results and the other facets, but its own facet still shows the other village.
        var village = _search.Search(new SearchRequest { Text = "gốm", Village = "kim-lan" });
        Assert.Equal(["c"], village.Hits.Select(h => h.Key));
        Assert.Equal([new FacetValue("bat-trang", 3), new FacetValue("kim-lan", 1)], village.Facets.Villages);
        Assert.Equal([new FacetValue("4", 1)], village.Facets.Stars);

        var filtered = _search.Search(new SearchRequest { Text = "gốm", Types = new HashSet<SearchType> { SearchType.Product }, InStockOnly = true, Price = PriceBand.Find("0-200000") });
        Assert.Equal(["a"], filtered.Hits.Select(h => h.Key));
        Assert.Equal(1, filtered.Facets.InStock); // Products under 200,000 ₫ in stock: a (b is dearer, v is no product).
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(101, 100)]
    [InlineData(5_000, 100)]
    [InlineData(5_000, 4_999)]
    [InlineData(300, 1)]
    public void Selecting_the_smallest_keys_moves_exactly_them_to_the_front(int length, int count)
    {
        var random = new Random(length * 31 + count);
        for (var round = 0; round < 20; round++)
        {
            // Distinct keys as the facet lists make them (count above ordinal), in random order, some counts equal.
            var keys = Enumerable.Range(0, length).Select(ord => ((long)random.Next(0, 40) << 32) | (uint)ord).OrderBy(_ => random.Next()).ToArray();
            var expected = keys.Order().Take(count).ToArray();
            FacetingCollector.SelectSmallest(keys, count);
            Assert.Equal(expected, keys.Take(count).Order());
        }
    }

    [Fact]
    public void A_facet_lists_its_hundred_commonest_values_and_always_the_chosen_one()
    {
        // Village i has i + 1 results, so the commonest are listed first and the rarest fall outside the hundred.
        _index.Apply([.. Enumerable.Range(0, 130).SelectMany(i => Enumerable.Range(0, i + 1).Select(j => Doc($"p{i}-{j}", "Bình gốm", village: $"v{i:D3}")))], [], new IndexCursors(1));

        var all = _search.Search(new SearchRequest { Text = "gốm" }).Facets.Villages;
        Assert.Equal(FacetingCollector.MaxFacetValues, all.Count);
        Assert.Equal(new FacetValue("v129", 130), all[0]);
        Assert.Equal(new FacetValue("v030", 31), all[^1]);

        var chosen = _search.Search(new SearchRequest { Text = "gốm", Village = "v002" });
        Assert.Equal(3, chosen.Total);
        Assert.Equal(FacetingCollector.MaxFacetValues + 1, chosen.Facets.Villages.Count);
        Assert.Equal(new FacetValue("v002", 3), chosen.Facets.Villages[^1]);
    }

    [Fact]
    public void Sorts_by_price_and_newest_with_pages()
    {
        _index.Apply([.. Enumerable.Range(1, 25).Select(i => Doc($"p{i}", $"Gốm số {i}", price: i * 10_000, day: i))], [], new IndexCursors(1));
        Assert.Equal("p1", Keys("gốm", sort: SearchSort.PriceLow)[0]);
        Assert.Equal("p25", Keys("gốm", sort: SearchSort.PriceHigh)[0]);
        Assert.Equal("p25", Keys("gốm", sort: SearchSort.Newest)[0]);
        var second = _search.Search(new SearchRequest { Text = "gốm", Sort = SearchSort.PriceLow, Page = 2 });
        Assert.Equal(25, second.Total);
        Assert.Equal(["p21", "p22", "p23", "p24", "p25"], second.Hits.Select(h => h.Key));
        Assert.Equal(2, second.PageCount);
    }

    [Fact]
    public void A_hit_shows_its_values_whole_even_with_the_separator_in_them()
    {
        var shown = new HitValues("k\u001F1", null, "Bình\u001Fgốm", "/vi/k", "Men lam");
        Assert.Equal(new HitValues("k 1", null, "Bình gốm", "/vi/k", "Men lam"), HitValues.Decode(shown.Encode()));
        var withImage = new HitValues("k", "/media/a.jpg", "Bình gốm", "/vi/k", "");
        Assert.Equal(withImage, HitValues.Decode(withImage.Encode()));
    }

    [Fact]
    public void A_reopened_searcher_has_its_facet_ordinals_before_the_first_search()
    {
        _index.Apply([Doc("a", "Bình gốm", village: "bat-trang")], [], new IndexCursors(1));
        Assert.True(_index.Search(searcher => ReaderOrdinals.IsBuilt(searcher.IndexReader)));
    }

    [Fact]
    public void A_reopened_searcher_has_its_live_document_bits_before_the_first_search()
    {
        _index.Apply([Doc("a", "Bình gốm"), Doc("b", "Bình sứ")], [], new IndexCursors(1));
        _index.Apply([], ["a"], new IndexCursors(2));
        Assert.True(_index.Search(searcher =>
            searcher.IndexReader.HasDeletions && searcher.IndexReader.Leaves.All(leaf => LiveBits.IsBuilt(leaf.AtomicReader))));
    }

    [Fact]
    public void Snippets_mark_the_words_and_encode_the_rest()
    {
        _index.Apply([Doc("s", "Bình gốm", "Men lam <script>alert(1)</script> vẽ tay trên gốm Bát Tràng")], [], new IndexCursors(1));
        var hit = Assert.Single(_search.Search(new SearchRequest { Text = "gom" }).Hits);
        Assert.Contains("<mark>gốm</mark>", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", hit.SnippetHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snippet_is_the_passage_with_the_most_words_with_ellipses_where_the_text_goes_on()
    {
        var filler = string.Join(' ', Enumerable.Repeat("hoa văn cổ", 30));
        _index.Apply([Doc("s", "Khay", $"{filler} Men LAM trên GỐM Bát Tràng. {filler} chỉ có gốm ở đây. {filler}")], [], new IndexCursors(1));

        var snippet = Assert.Single(_search.Search(new SearchRequest { Text = "gom men lam" }).Hits).SnippetHtml;
        Assert.StartsWith("… ", snippet, StringComparison.Ordinal);
        Assert.EndsWith(" …", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>Men</mark> <mark>LAM</mark> trên <mark>GỐM</mark> Bát Tràng.", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("chỉ có", snippet, StringComparison.Ordinal); // The passage with one word loses to the one with three.
        Assert.InRange(snippet.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal).Length, 100, 190);
    }

    [Fact]
    public void A_snippet_without_the_words_is_the_opening_cut_at_a_space_or_within_a_long_word()
    {
        _index.Apply(
        [
            Doc("spaces", "Khay sơn mài", string.Join(' ', Enumerable.Repeat("hoa văn cổ", 40))),
            Doc("one-word", "Khay khảm trai", new string('x', 500)),
        ], [], new IndexCursors(1));
        var spaces = _search.Search(new SearchRequest { Text = "son mai" }).Hits.Single();
        Assert.EndsWith(" …", spaces.SnippetHtml, StringComparison.Ordinal);
        Assert.InRange(spaces.SnippetHtml.Length, 100, 200);
        var word = _search.Search(new SearchRequest { Text = "kham trai" }).Hits.Single();
        Assert.Equal(new string('x', 180) + " …", word.SnippetHtml);
    }

    [Fact]
    public void Nothing_found_offers_a_respelling_and_popular_searches()
    {
        _index.Apply([Doc("m", "Mother-of-pearl tray", nameEn: "Mother-of-pearl tray")], [], new IndexCursors(1));
        Assert.Equal(["m"], Keys("motehr perl", "en")); // One edit each (a transposition is one): found.
        var result = _search.Search(new SearchRequest { Text = "mothxxr pexxrl", Culture = "en" });
        Assert.Equal(0, result.Total);
        Assert.Equal("mother pearl", result.DidYouMean);
        Assert.NotEmpty(result.Popular);
    }

    [Fact]
    public void Words_of_other_scripts_are_respelt_too()
    {
        // Folding leaves Cyrillic as it is: a term's length in bytes is not its length in letters.
        _index.Apply([Doc("r", "Матрешка sơn mài", nameEn: "Матрешка lacquer doll")], [], new IndexCursors(1));
        var result = _search.Search(new SearchRequest { Text = "матрешкаая", Culture = "en" });
        Assert.Equal(0, result.Total);
        Assert.Equal("матрешка", result.DidYouMean);
    }

    [Fact]
    public void Autocomplete_matches_the_start_of_each_word_from_the_first_letter()
    {
        _index.Apply([Doc("bt", "Làng gốm Bát Tràng", type: SearchType.Village), Doc("vp", "Làng lụa Vạn Phúc", type: SearchType.Village), .. Enumerable.Range(1, 12).Select(i => Doc($"b{i}", $"Bát số {i}"))], [], new IndexCursors(1));
        Assert.Equal(SearchService.MaxSuggestions, _search.Suggest("b", "vi").Count);
        Assert.Equal("Làng gốm Bát Tràng", _search.Suggest("bat tr", "vi").Single().Name);
        Assert.Equal("Làng lụa Vạn Phúc", _search.Suggest("vạn p", "vi").Single().Name);
        Assert.Empty(_search.Suggest("   ", "vi"));
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_queries_are_plain_text(string query)
    {
        _index.Apply([Doc("g", "Gốm Bát Tràng", "Ấm chén (men lam) [cổ] \"đẹp\"")], [], new IndexCursors(1));
        var result = _search.Search(new SearchRequest { Text = SearchInput.Clean(query) });
        Assert.False(result.TimedOut);
        Assert.NotNull(_search.Suggest(SearchInput.Clean(query), "vi"));
    }

    public static TheoryData<string> Malformed() =>
    [
        "gốm AND (", "\"bát tràng", "bát\"", "*gốm", "?at", "gốm~2", "title:gốm", "[1 TO 5]", "{a TO b}", "gốm^100", "\\", "/regex.*/",
        "&& || !", "+ - : ^ ~ *", "gốm\u0000\u0001\u001f", "\u200B\uFEFF", "😀 gốm", new string('a', 5000), string.Join(' ', Enumerable.Repeat("gốm", 500)),
    ];

    [Fact]
    public async Task A_rebuild_swaps_generations_while_searches_keep_answering()
    {
        _index.Apply([.. Enumerable.Range(1, 200).Select(i => Doc($"old{i}", $"Gốm cũ {i}"))], [], new IndexCursors(1));
        var first = _index.Generation;
        using var stop = new CancellationTokenSource();
        var failures = 0;
        var searches = 0;
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var result = _search.Search(new SearchRequest { Text = "gốm" });
                    if (result.Total != 200)
                    {
                        Interlocked.Increment(ref failures);
                    }

                    Interlocked.Increment(ref searches);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();

        // Each swap happens while searches are under way: wait for a few between rebuilds.
        async Task SearchesGoOn()
        {
            var at = Volatile.Read(ref searches);
            while (Volatile.Read(ref searches) < at + 5)
            {
                await Task.Delay(1);
            }
        }

        await SearchesGoOn();
        for (var round = 0; round < 5; round++)
        {
            await SearchesGoOn();
            _index.Rebuild([.. Enumerable.Range(1, 200).Select(i => Doc($"new{round}-{i}", $"Gốm mới {i}"))], new IndexCursors(2));
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);
        Assert.Equal(0, failures);
        Assert.True(searches > 0);
        Assert.NotEqual(first, _index.Generation);
        Assert.Equal(200, _search.Search(new SearchRequest { Text = "mới" }).Total);

        // Only the live generation is left on disk, and a fresh open (a restart) finds it with its cursor.
        Assert.Single(Directory.GetDirectories(_root, "g*"));
        using var reopened = new SearchIndex(_root, NullLogger<SearchIndex>.Instance);
        _index.Dispose();
        reopened.OpenCurrent();
        Assert.Equal(new IndexCursors(2), reopened.Cursors);
        Assert.Equal(200, reopened.DocumentCount);
    }
}
