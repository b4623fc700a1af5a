using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Search;

namespace VillageCraftPortal.Bench.Search;

/// <summary>What a benchmark query stands for (reported separately, so a slow kind shows).</summary>
internal enum QueryKind
{
    FoldedVi,
    AccentedVi,
    English,
    Phrase,
    Misspelt,
    Filtered,
    Sorted,
    Paged,
    Browse,
    NoMatch,
}

internal sealed record BenchQuery(QueryKind Kind, SearchRequest Request);

/// <summary>An autocomplete call: what has been typed so far, and in which culture.</summary>
internal sealed record BenchPrefix(string Text, string Culture);

/// <summary>
/// A fixed mix of searches as visitors type them: with and without diacritics, English, phrases, typos, filters,
/// sorts, later pages, filter-only browsing and a few that find nothing. The same seed gives the same mix.
/// </summary>
internal sealed class QueryMix
{
    private static readonly (QueryKind Kind, int Weight)[] Weights =
    [
        (QueryKind.FoldedVi, 17), (QueryKind.AccentedVi, 17), (QueryKind.English, 14), (QueryKind.Phrase, 12), (QueryKind.Misspelt, 8),
        (QueryKind.Filtered, 15), (QueryKind.Sorted, 8), (QueryKind.Paged, 4), (QueryKind.Browse, 3), (QueryKind.NoMatch, 2),
    ];

    private static readonly string[] Broad = ["gốm", "gom", "lụa", "lua", "silk", "ceramic", "bamboo", "sơn mài", "lacquer", "tượng", "box", "hộp"];

    private readonly Random _random;
    private readonly IReadOnlyList<BenchVillage> _villages;
    private readonly IReadOnlyList<Words> _names;

    public QueryMix(IReadOnlyList<BenchVillage> villages, IReadOnlyList<Words> names, int seed)
    {
        _random = new Random(seed);
        _villages = villages;
        _names = names;
    }

    public List<BenchQuery> Queries(int count)
    {
        var total = Weights.Sum(w => w.Weight);
        var queries = new List<BenchQuery>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = _random.Next(total);
            var kind = Weights.First(w => (roll -= w.Weight) < 0).Kind;
            queries.Add(new BenchQuery(kind, Request(kind)));
        }

        return queries;
    }

    /// <summary>The first 1–6 letters of real names, in both cultures; Vietnamese ones typed without diacritics a third of the time.</summary>
    public List<BenchPrefix> Prefixes(int count)
    {
        var prefixes = new List<BenchPrefix>(count);
        while (prefixes.Count < count)
        {
            var name = _names[_random.Next(_names.Count)];
            var culture = _random.Next(2) == 0 ? Cultures.Vietnamese : Cultures.English;
            var text = culture == Cultures.Vietnamese ? name.Vi : name.En;
            var typed = text[..Math.Min(text.Length, _random.Next(1, 7))].TrimEnd();
            if (typed.Length > 0)
            {
                prefixes.Add(new BenchPrefix(culture == Cultures.Vietnamese && _random.Next(3) == 0 ? Catalogue.Fold(typed) : typed, culture));
            }
        }

        return prefixes;
    }

    private SearchRequest Request(QueryKind kind) => kind switch
    {
        QueryKind.FoldedVi => Vi(Catalogue.Fold(AccentedWords())),
        QueryKind.AccentedVi => Vi(AccentedWords()),
        QueryKind.English => En(EnglishWords()),
        QueryKind.Phrase => Phrase(),
        QueryKind.Misspelt => Misspelt(),
        QueryKind.Filtered => WithFilters(AnyText(), _random.Next(1, 3)),
        QueryKind.Sorted => AnyText() with { Sort = (SearchSort)_random.Next(1, 4) },
        QueryKind.Paged => Vi(Pick(Broad)) with { Culture = RandomCulture(), Page = _random.Next(2, 4) },
        QueryKind.Browse => WithFilters(new SearchRequest { Culture = RandomCulture() }, 1) with { Sort = (SearchSort)_random.Next(4) },
        QueryKind.NoMatch => Vi(Nonsense()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static SearchRequest Vi(string text) => new() { Text = text, Culture = Cultures.Vietnamese };

    private static SearchRequest En(string text) => new() { Text = text, Culture = Cultures.English };

    private string RandomCulture() => _random.Next(2) == 0 ? Cultures.Vietnamese : Cultures.English;

    private SearchRequest AnyText() => _random.Next(3) switch
    {
        0 => Vi(AccentedWords()),
        1 => Vi(Catalogue.Fold(AccentedWords())),
        _ => En(EnglishWords()),
    };

    /// <summary>A noun, a kind, a craft, a place, or a noun with its craft ("bình gốm"), as written.</summary>
    private string AccentedWords()
    {
        var craft = Pick(CraftVocabulary.All);
        return _random.Next(6) switch
        {
            0 => Pick(craft.Nouns).Vi.ToLowerInvariant(),
            1 => Pick(craft.Kinds).Vi,
            2 => craft.Trade.Vi,
            3 => Village().Place,
            4 => $"{Pick(craft.Nouns).Vi.ToLowerInvariant()} {craft.Trade.Vi}",
            _ => $"{craft.Trade.Vi} {Village().Place}",
        };
    }

    private string EnglishWords()
    {
        var craft = Pick(CraftVocabulary.All);
        return _random.Next(4) switch
        {
            0 => Pick(craft.Nouns).En,
            1 => Pick(craft.Kinds).En,
            2 => craft.Trade.En,
            _ => $"{Pick(craft.Kinds).En} {Pick(craft.Nouns).En}",
        };
    }

    /// <summary>Two or three consecutive words of a real name (Vietnamese ones half the time without diacritics).</summary>
    private SearchRequest Phrase()
    {
        var name = _names[_random.Next(_names.Count)];
        var english = _random.Next(2) == 0;
        var words = (english ? name.En : name.Vi).Split(' ');
        var length = Math.Min(words.Length, _random.Next(2, 4));
        var text = string.Join(' ', words.Skip(_random.Next(words.Length - length + 1)).Take(length)).ToLowerInvariant();
        return english ? En(text) : Vi(_random.Next(2) == 0 ? Catalogue.Fold(text) : text);
    }

    /// <summary>One letter dropped, doubled, swapped or replaced in a word of five letters or more.</summary>
    private SearchRequest Misspelt()
    {
        var english = _random.Next(2) == 0;
        string word;
        do
        {
            var words = (english ? EnglishWords() : Catalogue.Fold(AccentedWords())).Split(' ', '-');
            word = words[_random.Next(words.Length)].ToLowerInvariant();
        }
        while (word.Length < 5);

        var at = _random.Next(1, word.Length - 1);
        var typo = _random.Next(4) switch
        {
            0 => word.Remove(at, 1),
            1 => word.Insert(at, word[at].ToString()),
            2 => string.Concat(word.AsSpan(0, at), word.AsSpan(at + 1, 1), word.AsSpan(at, 1), word.AsSpan(at + 2)),
            _ => string.Concat(word.AsSpan(0, at), ((char)('a' + _random.Next(26))).ToString(), word.AsSpan(at + 1)),
        };
        return english ? En(typo) : Vi(typo);
    }

    private SearchRequest WithFilters(SearchRequest request, int filters)
    {
        for (var i = 0; i < filters; i++)
        {
            request = _random.Next(6) switch
            {
                0 => request with { Village = Village().Code },
                1 => request with { Category = Pick(CraftVocabulary.All).Category },
                2 => request with { Price = PriceBand.All[_random.Next(PriceBand.All.Count)] },
                3 => request with { InStockOnly = true },
                4 => request with { Stars = _random.Next(3, 6) },
                _ => request with { Types = new HashSet<SearchType> { _random.Next(4) == 0 ? SearchType.Village : SearchType.Product } },
            };
        }

        return request;
    }

    /// <summary>A village people look for: one of the ten real ones half the time, else one of the better-stocked 500.</summary>
    private BenchVillage Village() => _villages[_random.Next(2) == 0 ? _random.Next(10) : _random.Next(500)];

    /// <summary>A word no product has and that is more than one typo away from any (the respelling path).</summary>
    private string Nonsense() => new([.. Enumerable.Range(0, _random.Next(6, 10)).Select(_ => "bcdfghjklmnpqrstvwxz"[_random.Next(20)])]);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
