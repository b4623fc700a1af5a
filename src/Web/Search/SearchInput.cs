using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;

namespace VillageCraftPortal.Web.Search;

/// <summary>
/// Reads a search from a query string. The text is capped (<see cref="MaxLength"/>) and its control characters
/// dropped; filter values that are not ours are ignored, as a bookmarked or hand-edited address should still work.
/// </summary>
public static partial class SearchInput
{
    public const int MaxLength = 200;
    public const int MaxSuggestLength = 100;

    public const string TooLong = "search.error.tooLong";

    public static readonly IReadOnlyDictionary<string, SearchSort> Sorts = new Dictionary<string, SearchSort>(StringComparer.Ordinal)
    {
        ["relevance"] = SearchSort.Relevance,
        ["price-low"] = SearchSort.PriceLow,
        ["price-high"] = SearchSort.PriceHigh,
        ["newest"] = SearchSort.Newest,
    };

    public static string SortName(SearchSort sort) => Sorts.First(s => s.Value == sort).Key;

    /// <summary>The search the query string asks for, and the text key of the problem with it, if any.</summary>
    public static (SearchRequest Request, string? Problem) Parse(IQueryCollection query, string culture)
    {
        var raw = First(query["q"]) ?? string.Empty;
        var problem = raw.Length > MaxLength ? TooLong : null;
        var types = query["type"].Select(t => Enum.TryParse<SearchType>(t, ignoreCase: true, out var type) && !int.TryParse(t, out _) ? type : (SearchType?)null)
            .OfType<SearchType>().ToHashSet();
        var request = new SearchRequest
        {
            Text = problem is null ? Clean(raw) : string.Empty,
            Culture = culture,
            Types = types,
            Village = Code(First(query["village"])),
            Category = Code(First(query["category"])),
            Stars = First(query["stars"]) switch { "3" => 3, "4" => 4, "5" => 5, _ => null },
            Price = PriceBand.Find(First(query["price"])),
            InStockOnly = First(query["instock"]) is "1" or "true" or "on",
            Sort = Sorts.GetValueOrDefault(First(query["sort"]) ?? string.Empty, SearchSort.Relevance),
            Page = int.TryParse(First(query["page"]), out var page) && page is >= 1 and <= SearchRequest.MaxPage ? page : 1,
        };
        return (request, problem);
    }

    /// <summary>Control characters become spaces, runs of spaces one space.</summary>
    public static string Clean(string text) => Spaces().Replace(new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]), " ").Trim();

    private static string? First(StringValues values) => values.Count > 0 ? values[0] : null;

    private static string? Code(string? value) => value is not null && CodePattern().IsMatch(value) ? value : null;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("^[a-z0-9-]{1,60}$")]
    private static partial Regex CodePattern();
}
