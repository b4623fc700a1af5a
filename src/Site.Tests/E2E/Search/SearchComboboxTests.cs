using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using VillageCraftPortal.Site.Tests.Infrastructure;

namespace VillageCraftPortal.Site.Tests.E2E.Search;

/// <summary>The header's search box in a real browser: an ARIA combobox usable by keyboard alone.</summary>
[Collection(BrowserGroup.Name)]
public sealed class SearchComboboxTests(BrowserSite site)
{
    [Fact]
    public async Task Suggestions_from_the_first_keystroke_are_chosen_with_the_arrow_keys_and_enter()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("/en"));
        var box = page.Locator("#site-search-q");
        await Assertions.Expect(box).ToHaveAttributeAsync("role", "combobox");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "false");

        await box.FocusAsync();
        await page.Keyboard.TypeAsync("v");
        var list = page.Locator("#site-search-q-list");
        await Assertions.Expect(list).ToHaveAttributeAsync("aria-busy", "false");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(list.GetByRole(AriaRole.Option)).Not.ToHaveCountAsync(0);
        Assert.InRange(await list.GetByRole(AriaRole.Option).CountAsync(), 1, 8);

        await page.Keyboard.TypeAsync("an ph");
        await Assertions.Expect(list).ToHaveAttributeAsync("aria-busy", "false"); // The suggestions for all of it.
        await Assertions.Expect(list.GetByRole(AriaRole.Option).First).ToContainTextAsync("Vạn Phúc");

        await page.Keyboard.PressAsync("ArrowDown");
        var first = list.GetByRole(AriaRole.Option).First;
        await Assertions.Expect(first).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-activedescendant", (await first.GetAttributeAsync("id"))!);

        // Escape closes the list and keeps the text; Enter on a chosen suggestion opens it.
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(box).ToHaveValueAsync("van ph");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.EndsWith("/en", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.Contains("/en/", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_kestrel_a_ten_thousand_character_query_reaches_the_site_and_gets_its_message()
    {
        // Kestrel's default 8 KB request line would answer a bare 414 before the site could explain.
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(site.Url("/en/search?q=" + new string('a', 10_000))));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 200 characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enter_without_a_choice_searches_and_the_page_works_by_keyboard()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("/vi"));
        await page.Locator("#site-search-q").FillAsync("lụa");
        await page.Keyboard.PressAsync("Enter");
        // What follows needs the results' HTML only. The load event also waits for the images in view (made on first
        // request), and once missed the 15 s timeout on a machine at load 14.
        await page.WaitForURLAsync("**/vi/tim-kiem?q=*", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Assertions.Expect(page.Locator(".search-result").First).ToBeVisibleAsync();

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
        });
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }
}
