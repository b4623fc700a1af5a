using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using VillageCraftPortal.Site.Tests.Infrastructure;

namespace VillageCraftPortal.Site.Tests.E2E;

/// <summary>What a visitor does, by role and label, in Chromium.</summary>
[Collection(BrowserGroup.Name)]
public sealed partial class VisitorJourneyTests(BrowserSite site)
{
    [Fact]
    public async Task Home_to_a_village_then_switch_language_and_come_back()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("/vi"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Làng gốm Bát Tràng", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/vi/lang-nghe/bat-trang$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Làng gốm Bát Tràng");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Ngôn ngữ" }).GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/en/villages/bat-trang$"));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Getting there" })).ToBeVisibleAsync();

        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/vi/lang-nghe/bat-trang$"));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
    }

    [Fact]
    public async Task The_skip_link_is_the_first_stop_and_moves_focus_to_the_main_content()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("/en/villages"));

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("main")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task The_craft_filter_works_by_keyboard_and_without_JavaScript()
    {
        var page = await site.NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync(site.Url("/en/villages"));

        var filter = page.GetByRole(AriaRole.Navigation, new() { Name = "Filter by craft" });
        await filter.GetByRole(AriaRole.Link, new() { Name = "Lacquer" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/en/villages\?craft=lacquer$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("1 villages");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Hạ Thái", Exact = false }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Without_JavaScript_the_drawn_map_shows_all_ten_villages()
    {
        var page = await site.NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync(site.Url("/vi"));

        var map = page.GetByRole(AriaRole.Img, new() { Name = "Bản đồ vị trí mười làng nghề" });
        await Assertions.Expect(map).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg .map-pin")).ToHaveCountAsync(10);
    }

    [Fact]
    public async Task Pages_load_without_console_errors_or_failed_requests()
    {
        var page = await site.NewPageAsync();
        var problems = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Enqueue("console: " + message.Text);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Enqueue($"{response.Status} {response.Url}");
            }
        };

        foreach (var path in new[] { "/vi", "/en/villages", "/vi/lang-nghe/son-dong", "/en/villages/trach-xa/design-centre", "/en/about-the-programme" })
        {
            await page.GotoAsync(site.Url(path), new() { WaitUntil = WaitUntilState.NetworkIdle });
        }

        Assert.Empty(problems.ToArray());
    }
}
