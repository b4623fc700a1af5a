using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Trips;
using Calendar = Ical.Net.Calendar;

namespace VillageCraftPortal.Site.Tests.Trips;

/// <summary>Trips end to end over HTTP on the seeded site: adding, planning, moving, bad input, calendar, sharing.</summary>
public abstract class TripPageTests(SeededSite site)
{
    private const string TripPath = "/en/my-trip";

    private PublishedSnapshot Snapshot => site.Factory.Services.GetRequiredService<PublishedSnapshotAccessor>().Current;

    private string Key(string villageCode) => Snapshot.Village(villageCode)!.Key.ToString("N");

    private StaffClient NewBrowser() => new(site.Factory.CreateDefaultClient(new Uri(SiteFactory.BaseUrl), new CookieContainerHandler(new CookieContainer())));

    private static async Task<string> TokenAsync(StaffClient browser) =>
        (await browser.GetDocumentAsync(TripPath)).QuerySelector($"form.trip-settings input[name={StaffClient.AntiforgeryField}]")!.GetAttribute("value")!;

    private static async Task<HttpResponseMessage> AddAsync(StaffClient browser, string stop) =>
        await browser.PostAsync("/en/my-trip/add", new Dictionary<string, string> { ["stop"] = stop, [StaffClient.AntiforgeryField] = await TokenAsync(browser) });

    private async Task<StaffClient> TripOfThreeAsync()
    {
        var browser = NewBrowser();
        foreach (var village in new[] { "bat-trang", "kim-lan", "van-phuc" })
        {
            using var added = await AddAsync(browser, Key(village));
            Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
            Assert.Equal("/en/my-trip?status=added", added.Headers.Location!.OriginalString);
        }

        return browser;
    }

    private static List<string> StopNames(IDocument page) =>
        [.. page.QuerySelectorAll(".trip-stop-name a").Select(a => a.TextContent.Trim())];

    [Fact]
    public async Task Three_villages_added_and_planned_give_a_timed_day_in_a_shorter_order()
    {
        using var browser = await TripOfThreeAsync();
        var before = await browser.GetDocumentAsync(TripPath);
        Assert.Equal(3, StopNames(before).Count);

        using var planned = await browser.SubmitAsync(TripPath, "form.trip-optimise", []);
        Assert.Equal(HttpStatusCode.SeeOther, planned.StatusCode);

        var page = await browser.GetDocumentAsync(TripPath + "?status=planned");
        Assert.Contains("Planned", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var times = page.QuerySelectorAll(".trip-stop-times strong").Select(s => s.TextContent.Trim()).ToList();
        Assert.Equal(3, times.Count);
        Assert.All(times, t => Assert.Matches(@"^Visit \d\d:\d\d–\d\d:\d\d$", t));
        // Bát Tràng and Kim Lan are neighbours across the river from Vạn Phúc: planned, they are not split by it.
        var names = StopNames(page);
        Assert.Equal(1, Math.Abs(names.FindIndex(n => n.StartsWith("Bát Tràng", StringComparison.Ordinal)) - names.FindIndex(n => n.StartsWith("Kim Lan", StringComparison.Ordinal))));
        Assert.NotNull(page.QuerySelector("figure.map polyline.map-leg"));
        Assert.StartsWith("https://www.google.com/maps/dir/?api=1&origin=21.0285,105.8524", page.QuerySelector(".trip-directions a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_a_stop_reorders_the_day_and_gives_the_focus_back_to_its_button()
    {
        using var browser = await TripOfThreeAsync();
        var first = StopNames(await browser.GetDocumentAsync(TripPath))[0];

        var page = await browser.GetDocumentAsync(TripPath);
        var down = page.QuerySelectorAll(".trip-stop")[0].QuerySelectorAll("form")[1];
        var fields = down.QuerySelectorAll("input").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
        using var moved = await browser.PostAsync(down.GetAttribute("action")!, fields);
        Assert.Equal(HttpStatusCode.SeeOther, moved.StatusCode);

        var after = await browser.GetDocumentAsync(moved.Headers.Location!.OriginalString);
        Assert.Equal(first, StopNames(after)[1]);
        Assert.True(after.QuerySelectorAll(".trip-stop")[1].QuerySelectorAll("button")[1].HasAttribute("autofocus"));

        // A drag posts the whole day's order; an order that is not exactly that day's stops is refused.
        var keys = after.QuerySelectorAll(".trip-stop").Select(li => li.GetAttribute("data-stop")!).Reverse().ToList();
        var token = await TokenAsync(browser);
        using var dragged = await browser.PostAsync(TripPath + "?handler=reorder", new Dictionary<string, string> { ["day"] = "0", ["order"] = string.Join(',', keys), [StaffClient.AntiforgeryField] = token });
        Assert.Equal(HttpStatusCode.SeeOther, dragged.StatusCode);
        Assert.Equal(keys, (await browser.GetDocumentAsync(TripPath)).QuerySelectorAll(".trip-stop").Select(li => li.GetAttribute("data-stop")!));
        using var partial = await browser.PostAsync(TripPath + "?handler=reorder", new Dictionary<string, string> { ["day"] = "0", ["order"] = keys[0], [StaffClient.AntiforgeryField] = token });
        Assert.Equal("/en/my-trip?status=not-in-trip", partial.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_stop_moves_to_another_day_and_one_day_is_re_optimised_alone()
    {
        using var browser = await TripOfThreeAsync();
        using (var twoDays = await browser.SubmitAsync(TripPath, "form.trip-settings", new() { ["Days"] = "2" }))
        {
            Assert.Equal(HttpStatusCode.SeeOther, twoDays.StatusCode);
        }

        // The three stops stay on day 1 (a new day starts empty); the first moves to day 2 with the day picker.
        var page = await browser.GetDocumentAsync(TripPath);
        var days = page.QuerySelectorAll(".trip-day");
        Assert.Empty(days[1].QuerySelectorAll(".trip-stop"));
        var moving = days[0].QuerySelector(".trip-stop")!;
        var form = moving.QuerySelector("form.trip-move-day")!;
        var fields = form.QuerySelectorAll("input").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
        fields["day"] = "1";
        using (var moved = await browser.PostAsync(form.GetAttribute("action")!, fields))
        {
            Assert.Equal(HttpStatusCode.SeeOther, moved.StatusCode);
        }

        page = await browser.GetDocumentAsync(TripPath);
        days = page.QuerySelectorAll(".trip-day");
        Assert.Equal([moving.GetAttribute("data-stop")!], days[1].QuerySelectorAll(".trip-stop").Select(s => s.GetAttribute("data-stop")!));
        Assert.Equal(2, days[0].QuerySelectorAll(".trip-stop").Length);

        // Re-optimising day 1 keeps day 2 as it is and gives day 1 its best order (the same stops).
        var before = days[0].QuerySelectorAll(".trip-stop").Select(s => s.GetAttribute("data-stop")!).ToHashSet();
        using (var optimised = await browser.SubmitAsync(TripPath, "#day-1 form.trip-optimise-day", []))
        {
            Assert.Equal("/en/my-trip?status=planned", optimised.Headers.Location!.OriginalString);
        }

        days = (await browser.GetDocumentAsync(TripPath)).QuerySelectorAll(".trip-day");
        Assert.Equal([moving.GetAttribute("data-stop")!], days[1].QuerySelectorAll(".trip-stop").Select(s => s.GetAttribute("data-stop")!));
        Assert.True(before.SetEquals(days[0].QuerySelectorAll(".trip-stop").Select(s => s.GetAttribute("data-stop")!)));

        // A day that does not exist, and an order of 500 stops, are refused without a change.
        var token = await TokenAsync(browser);
        using var noDay = await browser.PostAsync(TripPath + "?handler=optimise", new Dictionary<string, string> { ["day"] = "9", [StaffClient.AntiforgeryField] = token });
        Assert.Equal("/en/my-trip?status=not-in-trip", noDay.Headers.Location!.OriginalString);
        var flood = string.Join(',', Enumerable.Range(0, 500).Select(_ => Guid.NewGuid().ToString("N")));
        using var many = await browser.PostAsync(TripPath + "?handler=reorder", new Dictionary<string, string> { ["day"] = "1", ["order"] = flood, [StaffClient.AntiforgeryField] = token });
        Assert.Equal("/en/my-trip?status=not-in-trip", many.Headers.Location!.OriginalString);
        Assert.Equal(3, StopNames(await browser.GetDocumentAsync(TripPath)).Count);
    }

    [Theory]
    [InlineData("00000000000000000000000000000001")] // well-formed, but no such page
    [InlineData("not-a-guid")]
    [InlineData("")]
    public async Task Unknown_stop_ids_are_refused_clearly_on_the_page_and_as_problem_details(string stop)
    {
        using var browser = NewBrowser();
        using var page = await AddAsync(browser, stop);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("could not find that place", Html.Parse(await page.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

        using var confirm = await browser.GetAsync("/en/my-trip/add?stop=" + Uri.EscapeDataString(stop));
        Assert.Equal(HttpStatusCode.BadRequest, confirm.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/en/my-trip/add")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["stop"] = stop, [StaffClient.AntiforgeryField] = await TokenAsync(browser) }),
        };
        request.Headers.Accept.ParseAdd("application/json");
        using var api = await browser.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("could not find that place", JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);

        // A product page (a page that is not a place) is not a stop either.
        var article = Snapshot.OfType(DocumentTypes.Article).First().Key.ToString("N");
        using var notAPlace = await AddAsync(browser, article);
        Assert.Equal(HttpStatusCode.BadRequest, notAPlace.StatusCode);

        using var remove = await browser.PostAsync(TripPath + "?handler=remove", new Dictionary<string, string> { ["stop"] = stop, [StaffClient.AntiforgeryField] = await TokenAsync(browser) });
        Assert.Equal("/en/my-trip?status=not-in-trip", remove.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_trip_holds_at_most_thirty_stops_and_says_so()
    {
        var places = Snapshot.Nodes.Where(n => TripPlaces.Find(Snapshot, n.Key) is not null).Select(n => n.Key.ToString("N")).ToList();
        Assert.True(places.Count > Trip.MaxStops, $"The seed has {places.Count} places");
        using var browser = NewBrowser();
        var token = await TokenAsync(browser);
        foreach (var place in places.Take(Trip.MaxStops))
        {
            using var added = await browser.PostAsync("/en/my-trip/add", new Dictionary<string, string> { ["stop"] = place, [StaffClient.AntiforgeryField] = token });
            Assert.Equal("/en/my-trip?status=added", added.Headers.Location!.OriginalString);
        }

        using var full = await browser.PostAsync("/en/my-trip/add", new Dictionary<string, string> { ["stop"] = places[Trip.MaxStops], [StaffClient.AntiforgeryField] = token });
        Assert.Equal("/en/my-trip?status=full", full.Headers.Location!.OriginalString);
        using var again = await browser.PostAsync("/en/my-trip/add", new Dictionary<string, string> { ["stop"] = places[0], [StaffClient.AntiforgeryField] = token });
        Assert.Equal("/en/my-trip?status=already", again.Headers.Location!.OriginalString);

        var page = await browser.GetDocumentAsync(TripPath + "?status=full");
        Assert.Equal(Trip.MaxStops, page.QuerySelectorAll(".trip-stop").Length);
        Assert.Contains("30 stops", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        // Planning the full trip over five days places every stop.
        using var days = await browser.SubmitAsync(TripPath, "form.trip-settings", new() { ["Days"] = "5", ["Pace"] = "packed" });
        Assert.Equal(HttpStatusCode.SeeOther, days.StatusCode);
        using var planned = await browser.SubmitAsync(TripPath, "form.trip-optimise", []);
        var plan = await browser.GetDocumentAsync(TripPath);
        Assert.Equal(5, plan.QuerySelectorAll(".trip-day").Length);
        Assert.Equal(Trip.MaxStops, plan.QuerySelectorAll(".trip-stop").Length);
    }

    public static TheoryData<string, string, string> BadSettings() => new()
    {
        { "FirstDay", "2026-11-30", "cannot be in the past" },
        { "FirstDay", "2029-01-01", "at most a year from today" },
        { "FirstDay", "1/12/2026", "Enter the first day as a date" },
        { "Days", "0", "from 1 to 7 days" },
        { "Days", "500", "from 1 to 7 days" },
        { "Pace", "sprint", "Choose a pace" },
        { "Mode", "2", "Choose how you travel" },
        { "Start", "atlantis", "Choose a start point" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Bad_settings_are_refused_with_a_clear_message_and_nothing_is_saved(string field, string value, string message)
    {
        using var browser = await TripOfThreeAsync();
        using var response = await browser.SubmitAsync(TripPath, "form.trip-settings", new() { [field] = value, ["Days"] = field == "Days" ? value : "2" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector("#trip-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Single((await browser.GetDocumentAsync(TripPath)).QuerySelectorAll(".trip-day"));
    }

    [Theory]
    [InlineData("48.8584", "2.2945", "outside Việt Nam")] // Paris
    [InlineData("21.03", "east", "as numbers")]
    [InlineData("91", "105.8", "as numbers")]
    public async Task A_start_outside_Vietnam_or_not_a_coordinate_is_refused(string lat, string lng, string message)
    {
        using var browser = await TripOfThreeAsync();
        using var response = await browser.SubmitAsync(TripPath, "form.trip-settings", new() { ["Start"] = StartPoints.Custom, ["Lat"] = lat, ["Lng"] = lng });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#trip-errors")!.TextContent, StringComparison.Ordinal);

        using var hotel = await browser.SubmitAsync(TripPath, "form.trip-settings", new() { ["Start"] = StartPoints.Custom, ["Lat"] = "21.0245", ["Lng"] = "105.8412" });
        Assert.Equal(HttpStatusCode.SeeOther, hotel.StatusCode);
        Assert.StartsWith("https://www.google.com/maps/dir/?api=1&origin=21.0245,105.8412", (await browser.GetDocumentAsync(TripPath)).QuerySelector(".trip-directions a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_parses_back_with_one_event_per_stop_at_the_planned_times_in_Ho_Chi_Minh_City_time()
    {
        using var browser = await TripOfThreeAsync();
        var page = await browser.GetDocumentAsync(TripPath);
        var shown = page.QuerySelectorAll(".trip-stop-times strong").Select(s => s.TextContent.Trim()[6..11]).ToList();
        var day = DateOnly.FromDateTime(SeededSite.FixedNow.UtcDateTime.AddHours(7)).AddDays(1);

        using var response = await browser.GetAsync(TripPaths.Calendar("en"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;

        var events = calendar.Events.OrderBy(e => e.DtStart!.AsUtc).ToList();
        Assert.Equal(3, events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var start = events[i].DtStart!;
            Assert.Equal("Asia/Ho_Chi_Minh", start.TzId);
            Assert.Equal(day, DateOnly.FromDateTime(start.Value));
            Assert.Equal(shown[i], start.Value.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(start.Value.AddHours(-7), start.AsUtc);
            Assert.NotNull(events[i].GeographicLocation);
            Assert.Contains("https://www.google.com/maps/dir/", events[i].Description, StringComparison.Ordinal);
            Assert.Matches("Contact: |No published phone or email", events[i].Description);
            Assert.False(string.IsNullOrWhiteSpace(events[i].Location));
        }

        using var none = await NewBrowser().GetAsync(TripPaths.Calendar("en"));
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task The_share_link_is_read_only_and_a_copy_is_the_visitors_own()
    {
        using var owner = await TripOfThreeAsync();
        var ownerPage = await owner.GetDocumentAsync(TripPath);
        var shareUrl = new Uri(ownerPage.QuerySelector("#trip-share-link")!.GetAttribute("value")!);
        var names = StopNames(ownerPage);

        using var stranger = NewBrowser();
        var shared = await stranger.GetDocumentAsync(shareUrl.AbsolutePath);
        Assert.Equal(names, StopNames(shared));
        Assert.Empty(shared.QuerySelectorAll(".trip-stop-actions, form.trip-settings, form.trip-optimise-day"));
        Assert.Equal(["copy"], shared.QuerySelectorAll("main form[method=post]").Select(f => f.GetAttribute("action")!.Split("handler=")[1]));
        var json = shared.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .Single(j => j.GetProperty("@type").GetString() == "TouristTrip");
        Assert.Equal(3, json.GetProperty("itinerary").GetProperty("itemListElement").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync(shareUrl.AbsolutePath + "/calendar.ics")).StatusCode);

        // The stranger's posts reach only their own (empty) trip: the owner's stops cannot be touched by their ids.
        var token = await TokenAsync(stranger);
        var stop = ownerPage.QuerySelector(".trip-stop")!.GetAttribute("data-stop")!;
        using var removal = await stranger.PostAsync(TripPath + "?handler=remove", new Dictionary<string, string> { ["stop"] = stop, [StaffClient.AntiforgeryField] = token });
        Assert.Equal("/en/my-trip?status=not-in-trip", removal.Headers.Location!.OriginalString);
        Assert.Equal(names, StopNames(await owner.GetDocumentAsync(TripPath)));

        using var copied = await stranger.SubmitAsync(shareUrl.AbsolutePath, "form.trip-copy", []);
        Assert.Equal("/en/my-trip?status=copied", copied.Headers.Location!.OriginalString);
        var copy = await stranger.GetDocumentAsync(TripPath);
        Assert.Equal(names, StopNames(copy));
        Assert.NotEqual(shareUrl.ToString(), copy.QuerySelector("#trip-share-link")!.GetAttribute("value"));
        using var ownRemoval = await stranger.PostAsync(TripPath + "?handler=remove", new Dictionary<string, string> { ["stop"] = stop, [StaffClient.AntiforgeryField] = token });
        Assert.Equal("/en/my-trip?status=removed", ownRemoval.Headers.Location!.OriginalString);
        Assert.Equal(names, StopNames(await owner.GetDocumentAsync(TripPath)));

        using var unknown = await stranger.GetAsync("/en/trips/" + new string('a', 32));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Curated_itineraries_are_timed_by_the_planner_carry_TouristTrip_and_become_a_trip_when_used()
    {
        var index = await site.Client.GetDocumentAsync("/en/itineraries");
        var links = index.QuerySelectorAll(".article-item h2 a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(3, links.Count);

        var woodcraft = await site.Client.GetDocumentAsync("/en/itineraries/woodcraft-son-dong-thiet-ung");
        Assert.Equal(2, woodcraft.QuerySelectorAll(".trip-day").Length);
        Assert.Equal(4, woodcraft.QuerySelectorAll(".trip-stop-times strong").Length);
        Assert.Empty(woodcraft.QuerySelectorAll(".trip-stop-actions"));
        var json = woodcraft.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .Single(j => j.TryGetProperty("@type", out var type) && type.GetString() == "TouristTrip");
        var items = json.GetProperty("itinerary").GetProperty("itemListElement");
        Assert.Equal(4, items.GetArrayLength());
        Assert.StartsWith("https://vcp.test/en/villages/son-dong", items[0].GetProperty("item").GetProperty("url").GetString(), StringComparison.Ordinal);

        using var browser = await TripOfThreeAsync();
        var use = woodcraft.QuerySelector("form.trip-add")!;
        var plan = use.QuerySelector("input[name=plan]")!.GetAttribute("value")!;
        using var used = await browser.SubmitAsync($"/en/my-trip/add?plan={plan}", "main form[method=post]", []);
        Assert.Equal("/en/my-trip?status=plan", used.Headers.Location!.OriginalString);
        var trip = await browser.GetDocumentAsync(TripPath);
        Assert.Equal(2, trip.QuerySelectorAll(".trip-day").Length);
        Assert.All(StopNames(trip), name => Assert.DoesNotContain("Bát Tràng", name, StringComparison.Ordinal));
        Assert.Equal(4, trip.QuerySelectorAll(".trip-stop-times strong").Length);
        Assert.True(trip.QuerySelector("input[name=Pace][value=relaxed]")!.HasAttribute("checked"));

        using var unknown = await browser.GetAsync("/en/my-trip/add?plan=" + Key("bat-trang"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        using var forged = await browser.PostAsync("/en/my-trip/add?handler=plan", new Dictionary<string, string> { ["plan"] = "nonsense", [StaffClient.AntiforgeryField] = await TokenAsync(browser) });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(4, StopNames(await browser.GetDocumentAsync(TripPath)).Count);
    }

    [Fact]
    public async Task The_trip_pages_are_in_both_cultures_and_never_cached_or_indexed()
    {
        using var browser = await TripOfThreeAsync();
        using var response = await browser.GetAsync("/vi/chuyen-di-cua-toi");
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var vi = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Chuyến đi của tôi", vi.QuerySelector("h1")!.TextContent);
        Assert.Equal("noindex", vi.QuerySelector("meta[name=robots]")!.GetAttribute("content")![..7]);
        Assert.Equal(3, StopNames(vi).Count);
        var village = await browser.GetDocumentAsync(Snapshot.Village("bat-trang")!.Url("vi"));
        var add = village.QuerySelector("form.trip-add")!;
        Assert.Equal("get", add.GetAttribute("method"));
        Assert.Equal("/vi/chuyen-di-cua-toi/them", add.GetAttribute("action"));
    }
}

[Collection(SqliteSeededGroup.Name)]
public sealed class SqliteTripPageTests(SqliteSeededSite site) : TripPageTests(site);

[Collection(PostgresSeededGroup.Name)]
public sealed class PostgresTripPageTests(PostgresSeededSite site) : TripPageTests(site);
