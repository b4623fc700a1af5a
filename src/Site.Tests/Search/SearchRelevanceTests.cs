using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Search;

namespace VillageCraftPortal.Site.Tests.Search;

/// <summary>
/// Relevance on the real seed content, in both cultures: for each query, what a visitor would expect first. A case
/// names the top hit's type and/or the villages it may belong to and/or its product category.
/// </summary>
public abstract class SearchRelevanceTests(SeededSite site)
{

    public static TheoryData<string, string, string?, string, string?> Cases() => new()
    {
        // culture, query, type of the top hit, its village (any of, "|"-separated; "" for any), its category
        { "vi", "bat trang", "village", "bat-trang", null },
        { "vi", "Bát Tràng", "village", "bat-trang", null },
        { "vi", "bat trag", "village", "bat-trang", null },
        { "vi", "lang gom bat trang", "village", "bat-trang", null },
        { "vi", "gom", null, "bat-trang|kim-lan", null },
        { "vi", "gốm cổ", "village", "kim-lan", null },
        { "vi", "kim lan", "village", "kim-lan", null },
        { "vi", "lua van phuc", "village", "van-phuc", null },
        { "vi", "van phuc", "village", "van-phuc", null },
        { "vi", "làng lụa", "village", "van-phuc", null },
        { "vi", "khăn lụa", "product", "van-phuc", "silk" },
        { "vi", "ao dai", "village", "trach-xa", null },
        { "vi", "trach xa", "village", "trach-xa", null },
        { "vi", "kham trai", "village", "chuyen-my", null },
        { "vi", "chuyen my", "village", "chuyen-my", null },
        { "vi", "son mai", "village", "ha-thai", null },
        { "vi", "sơn mài", "village", "ha-thai", null },
        { "vi", "ha thai", "village", "ha-thai", null },
        { "vi", "thiet ung", "village", "thiet-ung", null },
        { "vi", "son dong", "village", "son-dong", null },
        { "vi", "tượng gỗ", null, "son-dong|thiet-ung", null },
        { "vi", "tranh khuc", "village", "tranh-khuc", null },
        { "vi", "banh chung", "village", "tranh-khuc", null },
        { "vi", "bánh chưng chay", "product", "tranh-khuc", "food" },
        { "vi", "phu vinh", "village", "phu-vinh", null },
        { "vi", "may tre dan", "village", "phu-vinh", null },
        { "vi", "trung tâm thiết kế sáng tạo bát tràng", "centre", "bat-trang", null },
        { "en", "bat trang", "village", "bat-trang", null },
        { "en", "ceramics", null, "bat-trang|kim-lan", "ceramics" },
        { "en", "ceramik", null, "bat-trang|kim-lan", null },
        { "en", "lacquer", "village", "ha-thai", null },
        { "en", "lacqure", "village", "ha-thai", null },
        { "en", "silk", "village", "van-phuc", null },
        { "en", "van phuc silk", "village", "van-phuc", null },
        { "en", "silk scarf", "product", "van-phuc", "silk" },
        { "en", "mother of pearl", null, "chuyen-my", null },
        { "en", "rattan", "village", "phu-vinh", null },
        { "en", "basket", "product", "phu-vinh", null },
        { "en", "wooden statue", "village", "son-dong", null },
        { "en", "fine art wood", "village", "thiet-ung", null },
        { "en", "ao dai", "village", "trach-xa", null },
        { "en", "áo dài", "village", "trach-xa", null },
        { "en", "bánh chưng", "village", "tranh-khuc", null },
        { "en", "sticky rice cake", null, "tranh-khuc", null },
        { "en", "pottery workshop", null, "bat-trang|kim-lan", null },
        { "en", "incense bowl", "product", "kim-lan", null },
        { "en", "museum", "experience", "kim-lan", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Top_result(string culture, string query, string? type, string villages, string? category)
    {
        await site.Factory.Services.GetRequiredService<SearchIndexer>().WhenReady.WaitAsync(TimeSpan.FromSeconds(30));
        var result = site.Factory.Services.GetRequiredService<SearchService>().Search(new SearchRequest { Text = query, Culture = culture });
        Assert.NotEmpty(result.Hits);
        var top = result.Hits[0];
        var seen = $"{top.Type} {top.Village} {top.Category}: {top.Name}";
        if (type is not null)
        {
            Assert.True(SearchDocument.TypeName(top.Type) == type, $"'{query}' ({culture}) expected a {type} first, got {seen}");
        }

        if (villages.Length > 0)
        {
            Assert.True(villages.Split('|').Contains(top.Village), $"'{query}' ({culture}) expected {villages} first, got {seen}");
        }

        if (category is not null)
        {
            Assert.True(top.Category == category, $"'{query}' ({culture}) expected category {category} first, got {seen}");
        }

        Assert.False(result.TimedOut);
    }

    [Fact]
    public void There_are_at_least_forty_cases_in_both_cultures()
    {
        var cases = Cases().Select(c => (string)c[0]).ToList();
        Assert.True(cases.Count >= 40);
        Assert.True(cases.Count(c => c == "en") >= 15 && cases.Count(c => c == "vi") >= 15);
    }
}

[Collection(SqliteSeededGroup.Name)]
public sealed class SqliteSearchRelevanceTests(SqliteSeededSite site) : SearchRelevanceTests(site);

[Collection(PostgresSeededGroup.Name)]
public sealed class PostgresSearchRelevanceTests(PostgresSeededSite site) : SearchRelevanceTests(site);
