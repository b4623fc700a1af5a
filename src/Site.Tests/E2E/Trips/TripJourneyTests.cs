using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using VillageCraftPortal.Site.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using Calendar = Ical.Net.Calendar;

namespace VillageCraftPortal.Site.Tests.E2E.Trips;

/// <summary>A tourist plans a day in a real browser: adds villages without leaving their pages, plans, reorders by keyboard, exports and shares.</summary>
[Collection(BrowserGroup.Name)]
public sealed class TripJourneyTests(BrowserSite site)
{
    [Fact]
    public async Task Add_three_villages_plan_a_day_reorder_by_keyboard_export_and_open_the_share_link_elsewhere()
    {
        var page = await site.NewPageAsync(new() { AcceptDownloads = true });

        // 1. Add three villages: the button answers in place, without a reload.
        foreach (var village in new[] { "bat-trang", "kim-lan", "van-phuc" })
        {
            await page.GotoAsync(site.Url($"/en/villages/{village}"));
            var address = page.Url;
            await page.GetByRole(AriaRole.Button, new() { Name = "Add to my trip", Exact = true }).ClickAsync();
            await Expect(page.Locator(".trip-add-status")).ToHaveTextAsync("Added to your trip.");
            Assert.Equal(address, page.Url);
        }

        // 2. Plan one day.
        await page.GotoAsync(site.Url("/en/my-trip"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan my trip" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("Planned");
        var stops = page.Locator(".trip-stop-name");
        await Expect(stops).ToHaveCountAsync(3);
        await Expect(page.Locator(".trip-stop-times strong")).ToHaveCountAsync(3);
        var accessibility = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"] },
        });
        Assert.Empty(accessibility.Violations.Select(v => $"{v.Id}: {v.Help}"));

        // 3. Reorder by keyboard: Tab to the first stop's "later" button, Enter; the focus comes back to that button.
        var first = await stops.First.InnerTextAsync();
        var later = page.GetByRole(AriaRole.Button, new() { Name = $"Move {first} later" });
        await stops.First.Locator("a").FocusAsync(); // the first stop's "earlier" button is disabled, so Tab skips it
        await page.Keyboard.PressAsync("Tab");
        await Expect(later).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("Stop moved");
        await Expect(stops.Nth(1)).ToHaveTextAsync(first);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Move {first} later" })).ToBeFocusedAsync();

        // Dragging works too: the last stop dropped on the first; the page reloads with the times in the new order.
        var last = await stops.Nth(2).InnerTextAsync();
        var reloaded = new TaskCompletionSource();
        void OnLoad(object? sender, IPage loaded) => reloaded.TrySetResult();
        page.Load += OnLoad;
        var saved = await page.RunAndWaitForResponseAsync(
            () => page.Locator(".trip-stop").Nth(2).Locator(".trip-stop-times").DragToAsync(page.Locator(".trip-stop").First.Locator(".trip-stop-times")),
            response => response.Url.Contains("handler=reorder", StringComparison.Ordinal));
        Assert.True(saved.Ok, $"The new order was refused: {saved.Status}");
        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(15));
        page.Load -= OnLoad;
        await Expect(stops.First).ToHaveTextAsync(last);
        await Expect(stops.Nth(2)).ToHaveTextAsync(first);

        // 4. Export the .ics: three events in Hồ Chí Minh City time.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Add to calendar (.ics)" }).ClickAsync());
        var path = await download.PathAsync();
        var calendar = Calendar.Load(await File.ReadAllTextAsync(path))!;
        Assert.Equal(3, calendar.Events.Count);
        Assert.All(calendar.Events, e => Assert.Equal("Asia/Ho_Chi_Minh", e.DtStart!.TzId));
        Assert.Equal(first, calendar.Events.OrderBy(e => e.DtStart!.AsUtc).ElementAt(2).Summary);

        // 5. The share link in another browser context: the same plan, read-only, with a copy button.
        var shareLink = await page.Locator("#trip-share-link").InputValueAsync();
        var elsewhere = await site.NewPageAsync();
        await elsewhere.GotoAsync(site.Url(new Uri(shareLink).AbsolutePath)); // the link names the public host; the path is what counts
        await Expect(elsewhere.Locator(".trip-stop-name")).ToHaveCountAsync(3);
        await Expect(elsewhere.Locator(".trip-stop-name").Nth(2)).ToHaveTextAsync(first);
        await Expect(elsewhere.Locator(".trip-stop-actions")).ToHaveCountAsync(0);
        await elsewhere.GetByRole(AriaRole.Button, new() { Name = "Copy into my trip" }).ClickAsync();
        await Expect(elsewhere.Locator("[role=status]")).ToContainTextAsync("now your own trip");
        await Expect(elsewhere.Locator(".trip-stop-name")).ToHaveCountAsync(3);
        await Expect(elsewhere.GetByRole(AriaRole.Button, new() { Name = $"Move {first} later" })).ToBeVisibleAsync();

        // Printed, the plan keeps only the days, one per page.
        await page.Locator("#trip-days").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(page.Locator(".trip-day")).ToHaveCountAsync(2);
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        Assert.Equal("none", await page.Locator("form.trip-settings").EvaluateAsync<string>("el => getComputedStyle(el).display"));
        Assert.Equal("none", await page.Locator(".trip-stop-actions").First.EvaluateAsync<string>("el => getComputedStyle(el).display"));
        Assert.Equal("page", await page.Locator(".trip-day").Nth(1).EvaluateAsync<string>("el => getComputedStyle(el).breakBefore"));
    }
}
