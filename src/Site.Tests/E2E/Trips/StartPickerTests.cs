using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using VillageCraftPortal.Site.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace VillageCraftPortal.Site.Tests.E2E.Trips;

/// <summary>
/// The site with a tile server configured, so the trip page offers picking the start on a map. The tile address is
/// a closed local port: tiles fail at once (no network here) while the map itself works.
/// </summary>
public sealed class TiledBrowserSite : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Chromium _chromium = null!;
    private SiteFactory _factory = null!;
    private Uri _base = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        _factory = new SiteFactory(_database, new Dictionary<string, string?> { ["Map:TileUrl"] = "http://127.0.0.1:9/{z}/{x}/{y}.png" }, new FakeTimeProvider(SeededSite.FixedNow));
        _base = await _factory.StartKestrelAsync();
        _chromium = await Chromium.LaunchAsync();
    }

    public Task<IPage> NewPageAsync() => _chromium.NewPageAsync();

    public string Url(string path) => new Uri(_base, path).ToString();

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }
}

public sealed class StartPickerTests(TiledBrowserSite site) : IClassFixture<TiledBrowserSite>
{
    [Fact]
    public async Task The_start_is_picked_on_the_map_by_click_or_by_keyboard_and_saved()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("/en/my-trip"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Pick the start on a map" }).ClickAsync();
        var map = page.Locator(".trip-pick-map.leaflet-container");
        await Expect(map).ToBeVisibleAsync();

        // A click west of the centre (Hoàn Kiếm Lake) picks a point west of it.
        var box = (await map.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + (box.Width / 2) - 120, box.Y + (box.Height / 2));
        await Expect(page.Locator("[data-pick-status]")).ToContainTextAsync("Start set to");
        Assert.Equal("custom", await page.Locator("#trip-start").InputValueAsync());
        var clickedLng = double.Parse(await page.Locator("#trip-lng").InputValueAsync(), CultureInfo.InvariantCulture);
        Assert.InRange(clickedLng, 105.0, 105.84);

        // By keyboard: the map pans with the arrow keys, and its centre becomes the start.
        await map.FocusAsync();
        for (var i = 0; i < 4; i++)
        {
            await page.Keyboard.PressAsync("ArrowUp");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Use the map's centre as the start" }).ClickAsync();
        var lat = double.Parse(await page.Locator("#trip-lat").InputValueAsync(), CultureInfo.InvariantCulture);
        Assert.InRange(lat, 21.04, 22.0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(page.Locator("[role=status]").First).ToContainTextAsync("Settings saved");
        Assert.Equal("custom", await page.Locator("#trip-start").InputValueAsync());
        Assert.Equal(lat, double.Parse(await page.Locator("#trip-lat").InputValueAsync(), CultureInfo.InvariantCulture), 4);
    }

    [Fact]
    public async Task The_day_map_becomes_a_Leaflet_map_with_numbered_stops_joined_in_order()
    {
        var page = await site.NewPageAsync();
        foreach (var village in new[] { "bat-trang", "kim-lan" })
        {
            await page.GotoAsync(site.Url($"/en/villages/{village}"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Add to my trip", Exact = true }).ClickAsync();
            await Expect(page.Locator(".trip-add-status")).ToHaveTextAsync("Added to your trip.");
        }

        await page.GotoAsync(site.Url("/en/my-trip"));
        var figure = page.Locator(".trip-day figure.map");
        await figure.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(figure.Locator(".leaflet-container")).ToBeVisibleAsync();
        await Expect(figure.Locator(".leaflet-pin")).ToHaveTextAsync(["1", "2"]);
        await Expect(figure.Locator("path.leaflet-leg")).ToHaveCountAsync(1);
    }
}
