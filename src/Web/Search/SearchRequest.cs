using System.Globalization;

namespace VillageCraftPortal.Web.Search;

public enum SearchSort
{
    Relevance,
    PriceLow,
    PriceHigh,
    Newest,
}

/// <summary>A price band of the price filter, in whole đồng: from (inclusive) to (exclusive; null for no upper end).</summary>
public sealed record PriceBand(string Code, long From, long? To)
{
    public static readonly IReadOnlyList<PriceBand> All =
    [
        new("0-200000", 0, 200_000),
        new("200000-500000", 200_000, 500_000),
        new("500000-1000000", 500_000, 1_000_000),
        new("1000000-3000000", 1_000_000, 3_000_000),
        new("3000000-", 3_000_000, null),
    ];

    public static PriceBand? Find(string? code) => All.FirstOrDefault(b => b.Code == code);

    /// <summary>The band a price falls in, or -1 (no price).</summary>
    public static int IndexOf(long price)
    {
        if (price < 0)
        {
            return -1;
        }

        for (var i = 0; i < All.Count; i++)
        {
            if (price >= All[i].From && (All[i].To is not { } to || price < to))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A search as the page and the API ask it. Everything here has been checked by <see cref="SearchInput"/>.</summary>
public sealed record SearchRequest
{
    public const int MaxPageSize = 50;

    /// <summary>Deep pages are not served: nobody reads page 60 of a search, and each page costs more than the last.</summary>
    public const int MaxPage = 50;

    public string Text { get; init; } = string.Empty;

    public string Culture { get; init; } = Content.Cultures.Default;

    public IReadOnlySet<SearchType> Types { get; init; } = new HashSet<SearchType>();

    public string? Village { get; init; }

    public string? Category { get; init; }

    public int? Stars { get; init; }

    public PriceBand? Price { get; init; }

    public bool InStockOnly { get; init; }

    public SearchSort Sort { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;

    public bool HasFilters => Types.Count > 0 || Village is not null || Category is not null || Stars is not null || Price is not null || InStockOnly;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"'{Text}' {Culture} p{Page}");
}

/// <summary>One value of a facet with the number of results it would give.</summary>
public sealed record FacetValue(string Value, int Count);

public sealed record SearchFacets(
    IReadOnlyList<FacetValue> Types,
    IReadOnlyList<FacetValue> Villages,
    IReadOnlyList<FacetValue> Categories,
    IReadOnlyList<FacetValue> Stars,
    IReadOnlyList<FacetValue> PriceBands,
    int InStock)
{
    public static readonly SearchFacets Empty = new([], [], [], [], [], 0);
}

public sealed record SearchHit(
    string Key,
    SearchType Type,
    string Name,
    string Url,
    string SnippetHtml,
    string? Image,
    string? Village,
    string? Category,
    int? Stars,
    long? Price,
    bool? InStock,
    float Score);

/// <summary>What a search found; when nothing, what to try instead.</summary>
public sealed record SearchResult(
    SearchRequest Request,
    IReadOnlyList<SearchHit> Hits,
    int Total,
    SearchFacets Facets,
    string? DidYouMean,
    IReadOnlyList<string> Popular,
    bool TimedOut,
    double Milliseconds)
{
    public int PageCount => Math.Min(SearchRequest.MaxPage, (Total + Request.PageSize - 1) / Request.PageSize);
}

/// <summary>One autocomplete entry.</summary>
public sealed record Suggestion(string Name, string Url, string Type);
