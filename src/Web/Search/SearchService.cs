using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using VillageCraftPortal.Web.Content;

namespace VillageCraftPortal.Web.Search;

/// <summary>Runs searches and autocomplete on the live index.</summary>
public sealed class SearchService(SearchIndex index, PopularSearches popular, PostingsCache postings)
{
    /// <summary>A search gives up collecting after this long and answers with what it has.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(250);

    /// <summary>How many of the best matches are rescored for words found together (see <see cref="TextQuery"/>).</summary>
    public const int RescoreWindow = 100;

    private const int SnippetLength = 180;
    public const int MaxSuggestions = 8;

    public SearchResult Search(SearchRequest request)
    {
        var clock = Stopwatch.StartNew();
        // Nothing asked, or the index not yet open (the first seconds after start-up): no hits, never an error.
        var folded = SearchQueries.FoldedWords(request.Text);
        if ((folded.Count == 0 && !request.HasFilters) || !index.IsOpen)
        {
            return new SearchResult(request, [], 0, SearchFacets.Empty, null, popular.Top(request.Culture), false, clock.Elapsed.TotalMilliseconds);
        }

        var result = index.Search(searcher =>
        {
            var text = SearchQueries.Build(request.Text, request.Culture, searcher.IndexReader);
            var keep = request.Page * request.PageSize;
            var rescore = text is { Phrases.Count: > 0 } && request.Sort == SearchSort.Relevance;
            var collector = new FacetingCollector(request, rescore ? Math.Max(keep, RescoreWindow) : keep, clock, Budget);
            var timedOut = false;
            var norm = 1f;
            try
            {
                Collect(searcher, text?.Match ?? new MatchAllDocsQuery(), postings, collector, out norm);
            }
            catch (SearchTimedOutException)
            {
                timedOut = true;
            }

            var best = rescore ? Rescore(searcher, collector.Best(), text!.Phrases, norm) : collector.Best();
            var hits = best.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
                .Select(h => Hit(searcher, h.Doc, h.Score, request.Culture, folded)).ToList();
            string? didYouMean = null;
            if (collector.Total == 0 && folded.Count > 0)
            {
                didYouMean = Respell(searcher.IndexReader, folded, request.Culture);
            }

            return new SearchResult(request, hits, collector.Total, collector.Facets(), didYouMean, [], timedOut, 0);
        });

        if (result.Total > 0 && request.Text.Length > 0 && request.Page == 1)
        {
            popular.Record(request.Culture, request.Text);
        }

        return result with
        {
            Popular = result.Total == 0 ? popular.Top(request.Culture) : [],
            Milliseconds = clock.Elapsed.TotalMilliseconds,
        };
    }

    /// <summary>Names that start with what has been typed, best first, at most <see cref="MaxSuggestions"/>.</summary>
    public IReadOnlyList<Suggestion> Suggest(string text, string culture, int max = MaxSuggestions)
    {
        var query = SearchQueries.Prefix(text, culture);
        if (query is null || !index.IsOpen)
        {
            return [];
        }

        return index.Search(searcher =>
        {
            var top = searcher.Search(query, Math.Clamp(max, 1, MaxSuggestions));
            return top.ScoreDocs.Select(d =>
            {
                var (shown, values, doc) = Shown(searcher, d.Doc, culture);
                return new Suggestion(shown.Name, shown.Url, Name(values.TypeNames, values.Facets[doc].Type) ?? string.Empty);
            }).ToList();
        });
    }

    /// <summary>The weight <see cref="IndexSearcher.Search(Query, ICollector)"/> would make, and the query norm it used.</summary>
    private static Weight Normalized(IndexSearcher searcher, Query query, out float norm)
    {
        var weight = searcher.Rewrite(query).CreateWeight(searcher);
        norm = searcher.Similarity.QueryNorm(weight.GetValueForNormalization());
        weight.Normalize(norm, 1f);
        return weight;
    }

    /// <summary>
    /// Collects every match of a query: the words of a text search through <see cref="WordScorer"/>, anything else
    /// as <see cref="IndexSearcher.Search(Query, ICollector)"/> would. <paramref name="norm"/> is the query norm used.
    /// </summary>
    private static void Collect(IndexSearcher searcher, Query query, PostingsCache postings, FacetingCollector collector, out float norm)
    {
        if (WordScorer.For(searcher, query, postings, out norm) is { } words)
        {
            words.Collect(collector);
            return;
        }

        var weight = Normalized(searcher, query, out norm);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            collector.SetNextReader(leaf);
            weight.GetBulkScorer(leaf, !collector.AcceptsDocsOutOfOrder, leaf.AtomicReader.LiveDocs)?.Score(collector);
        }
    }

    /// <summary>
    /// The best matches, the first <see cref="RescoreWindow"/> reordered by the score the combined query
    /// (<see cref="TextQuery.Combined"/>) gives them: each phrase found adds its score under the match's query norm, and
    /// the sum is weighed by Lucene's coordination factor (clauses found out of clauses). The rest keep their order after them.
    /// </summary>
    private static List<(int Doc, float Score)> Rescore(IndexSearcher searcher, List<(int Doc, float Score)> best, IReadOnlyList<Query> phrases, float norm)
    {
        var window = best.Take(RescoreWindow).ToList();
        var sums = window.Select(h => h.Score).ToArray();
        var found = new int[window.Count];
        var byDoc = Enumerable.Range(0, window.Count).OrderBy(i => window[i].Doc).ToArray();
        var docs = window.ConvertAll(h => h.Doc);
        foreach (var phrase in phrases)
        {
            if (PhraseScores.TryAdd(searcher, phrase, norm, docs, byDoc, sums, found))
            {
                continue;
            }

            var weight = searcher.Rewrite(phrase).CreateWeight(searcher);
            weight.Normalize(norm, 1f);
            var next = 0;
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var end = leaf.DocBase + leaf.AtomicReader.MaxDoc;
                var scorer = next < byDoc.Length && window[byDoc[next]].Doc < end ? weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) : null;
                for (; next < byDoc.Length && window[byDoc[next]].Doc < end; next++)
                {
                    var target = window[byDoc[next]].Doc - leaf.DocBase;
                    if (scorer is null || (scorer.DocID < target && scorer.Advance(target) == DocIdSetIterator.NO_MORE_DOCS))
                    {
                        scorer = null;
                        continue;
                    }

                    if (scorer.DocID == target)
                    {
                        sums[byDoc[next]] += scorer.GetScore();
                        found[byDoc[next]]++;
                    }
                }
            }
        }

        var clauses = phrases.Count + 1;
        var rescored = window.Select((h, i) => (h.Doc, Score: sums[i] * (found[i] + 1) / clauses))
            .OrderByDescending(h => h.Score).ThenBy(h => h.Doc).ToList();
        rescored.AddRange(best.Skip(RescoreWindow));
        return rescored;
    }

    private static SearchHit Hit(IndexSearcher searcher, int docId, float score, string culture, List<string> folded)
    {
        var (shown, values, doc) = Shown(searcher, docId, culture);
        var facets = values.Facets[doc];
        var (stars, price, stock) = (facets.Stars, values.Price[doc], facets.Stock);
        return new SearchHit(
            shown.Key,
            Enum.Parse<SearchType>(Name(values.TypeNames, facets.Type) ?? nameof(SearchType.Page), ignoreCase: true),
            shown.Name,
            shown.Url,
            Snippet.Of(shown.Text, folded, SnippetLength),
            shown.Image,
            Name(values.VillageNames, facets.Village),
            Name(values.CategoryNames, facets.Category),
            stars is >= 3 and <= 5 ? stars : null,
            price >= 0 ? price : null,
            stock >= 0 ? stock == 1 : null,
            score);
    }

    /// <summary>What a document shows in a culture, its segment's filter values, and its number in that segment.</summary>
    private static (HitValues Shown, SegmentValues Values, int Doc) Shown(IndexSearcher searcher, int docId, string culture)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(docId, leaves)];
        var doc = docId - leaf.DocBase;
        return (HitValues.Read(leaf.AtomicReader, doc, culture), SegmentValues.For(leaf.AtomicReader), doc);
    }

    private static string? Name(string[] names, int ord) => ord >= 0 ? names[ord] : null;

    /// <summary>
    /// A spelling that would find something: each word not in the index is replaced by the indexed word closest to it
    /// (at most two edits, the commonest on a tie). Null when no word can be improved.
    /// </summary>
    private static string? Respell(IndexReader reader, List<string> folded, string culture)
    {
        var fields = new[] { SearchFields.Folded(SearchFields.Name, culture), SearchFields.Folded(SearchFields.Text, culture) };
        var changed = false;
        var words = new List<string>(folded.Count);
        foreach (var word in folded)
        {
            if (word.Length < 3 || fields.Any(f => reader.DocFreq(new Term(f, word)) > 0))
            {
                words.Add(word);
                continue;
            }

            string? best = null;
            var bestDistance = int.MaxValue;
            var bestFrequency = 0;
            foreach (var field in fields)
            {
                var terms = MultiFields.GetTerms(reader, field);
                if (terms is null)
                {
                    continue;
                }

                var e = terms.GetEnumerator();
                while (e.MoveNext())
                {
                    // Most terms are ruled out by their length before being decoded (counted in UTF-16 units, as
                    // the word is: folding leaves letters of other scripts, such as Cyrillic, as they are).
                    var length = System.Text.Encoding.UTF8.GetCharCount(e.Term.Bytes, e.Term.Offset, e.Term.Length);
                    if (Math.Abs(length - word.Length) > 2 || length < 3)
                    {
                        continue;
                    }

                    var candidate = e.Term.Utf8ToString();
                    var distance = EditDistance.Between(word, candidate, 2);
                    if (distance <= 2 && (distance < bestDistance || (distance == bestDistance && e.DocFreq > bestFrequency)))
                    {
                        (best, bestDistance, bestFrequency) = (candidate, distance, e.DocFreq);
                    }
                }
            }

            words.Add(best ?? word);
            changed |= best is not null;
        }

        return changed ? string.Join(' ', words) : null;
    }
}

/// <summary>Damerau–Levenshtein distance (adjacent transpositions count as one edit), cut off above a limit.</summary>
public static class EditDistance
{
    public static int Between(string a, string b, int limit)
    {
        var rows = b.Length < 64 ? stackalloc int[3 * (b.Length + 1)] : new int[3 * (b.Length + 1)];
        var previous2 = rows[..(b.Length + 1)];
        var previous = rows.Slice(b.Length + 1, b.Length + 1);
        var current = rows[(2 * (b.Length + 1))..];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                }

                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            var oldest = previous2;
            previous2 = previous;
            previous = current;
            current = oldest;
        }

        return previous[b.Length];
    }
}

/// <summary>What visitors search for and find, per culture, offered when a search finds nothing.</summary>
public sealed class PopularSearches
{
    private static readonly Dictionary<string, string[]> Defaults = new()
    {
        [Cultures.Vietnamese] = ["Bát Tràng", "lụa Vạn Phúc", "gốm", "sơn mài", "khảm trai"],
        [Cultures.English] = ["Bát Tràng", "silk", "ceramics", "lacquer", "áo dài"],
    };

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Culture, string Text), int> _counts = new();

    public void Record(string culture, string text)
    {
        var key = (culture, VietnameseText.Normalize(text).Trim().ToLowerInvariant());
        if (key.Item2.Length is > 0 and <= 60 && _counts.Count < 10_000)
        {
            _counts.AddOrUpdate(key, 1, (_, n) => n + 1);
        }
    }

    public IReadOnlyList<string> Top(string culture, int count = 5)
    {
        var recorded = _counts.Where(c => c.Key.Culture == culture && c.Value >= 3)
            .OrderByDescending(c => c.Value).Select(c => c.Key.Text).Take(count);
        return [.. recorded.Concat(Defaults.GetValueOrDefault(culture) ?? Defaults[Cultures.Default]).Distinct(StringComparer.OrdinalIgnoreCase).Take(count)];
    }
}
