using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Features.Orders;
using VillageCraftPortal.Web.Features.Shop;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Site.Tests.Features.Orders;

/// <summary>
/// The guest order lookup through HTTP, on each database: the right pair opens the status page for this browser
/// only; every wrong pair gets the same answer; attempts are rate limited; nothing is cached for another visitor.
/// </summary>
public abstract partial class OrderLookupTests(DatabaseKind kind) : IAsyncLifetime
{
    private const string Email = "lan@example.vn";

    private static readonly UiTexts Texts = new();
    private readonly FakeTimeProvider _clock = new(SeededSite.FixedNow);
    private TestDatabase _database = null!;
    private SiteFactory _site = null!;
    private OrderFixture _orders = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(kind);
        _site = new SiteFactory(_database, new Dictionary<string, string?>(OrderEmailTests.BankSettings) { ["Database:ImportContentOnStartup"] = "false" }, _clock);
        (await _site.CreateReadyClientAsync()).Dispose();
        _orders = new OrderFixture(_site.Services);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_right_number_and_email_open_the_status_page_for_this_browser_in_either_language()
    {
        var order = await _orders.PlaceAsync("vi", PaymentMethod.BankTransfer);
        using var client = NewClient();

        // Typed as people type: lower case, spaces around, the email in other capitals.
        using var answer = await LookupAsync(client, "vi", $"  {order.Number.ToLowerInvariant()} ", "  LAN@Example.VN ");

        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        var statusPath = $"/vi/tra-cuu-don-hang/{order.Number.ToLowerInvariant()}";
        Assert.Equal(statusPath, answer.Headers.Location?.OriginalString);
        var cookie = Assert.Single(answer.Headers.GetValues("Set-Cookie"), c => c.StartsWith(OrderAccess.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(order.Number, cookie, StringComparison.OrdinalIgnoreCase);

        using var page = await client.GetAsync(new Uri(statusPath, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.CacheControl?.NoStore, "the status page must not be stored by browsers or proxies");
        var document = Html.Parse(html);
        Assert.Equal($"Đơn hàng {order.Number}", document.QuerySelector("h1")?.TextContent);
        Assert.Equal("noindex", document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Contains("Chờ thanh toán", document.QuerySelector(".lead")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("2.925.000 ₫", html, StringComparison.Ordinal);
        Assert.Contains("1023456789", html, StringComparison.Ordinal);
        Assert.Contains("09:30, 2/12/2026", html, StringComparison.Ordinal);
        var qr = document.QuerySelector(".qr img");
        Assert.StartsWith("data:image/svg+xml;base64,", qr?.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal(("240", "240"), (qr?.GetAttribute("width"), qr?.GetAttribute("height")));
        Assert.Equal(2, document.QuerySelectorAll("table.order-lines").Length);
        Assert.Contains("09:30, 1/12/2026", document.QuerySelector(".order-history")?.TextContent, StringComparison.Ordinal);

        using var english = await client.GetAsync(new Uri(ShopPaths.OrderStatus("en", order.Number), UriKind.Relative));
        var englishHtml = await english.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        Assert.Contains("Awaiting payment", englishHtml, StringComparison.Ordinal);
        Assert.Contains("₫2,925,000", englishHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_wrong_pair_gets_exactly_the_same_answer()
    {
        var order = await _orders.PlaceAsync("vi", PaymentMethod.CashOnDelivery);
        var otherYear = order.Number.Replace("VCP-2026-", "VCP-2025-", StringComparison.Ordinal);
        (string Number, string Email)[] wrong =
        [
            (order.Number, "someone.else@example.vn"),
            ("VCP-2026-999999", Email),
            (otherYear, Email),
            ("not an order number", Email),
            ("'; DROP TABLE \"Order\"; --", Email),
            (string.Empty, string.Empty),
        ];
        using var client = NewClient();
        var token = await TokenAsync(client, "vi");

        var answers = new List<(HttpStatusCode Status, string Body, bool Cookie)>();
        foreach (var (number, email) in wrong)
        {
            using var response = await PostAsync(client, "vi", token, number, email);
            answers.Add((response.StatusCode, WithoutToken(await response.Content.ReadAsStringAsync()), response.Headers.Contains("Set-Cookie")));
        }

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.OK, false), (a.Status, a.Cookie)));
        Assert.Single(answers.Select(a => a.Body).Distinct(StringComparer.Ordinal));
        Assert.Contains(Texts.Get("vi", "orders.lookup.notFound"), answers[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain(order.Number, answers[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("someone.else", answers[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_eleventh_attempt_in_a_minute_is_refused_with_a_friendly_page_even_for_the_right_pair()
    {
        var order = await _orders.PlaceAsync("en", PaymentMethod.CashOnDelivery);
        using var client = NewClient();
        var token = await TokenAsync(client, "en");

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= OrderLookupRateLimit.PermitsPerMinute; attempt++)
        {
            using var response = await PostAsync(client, "en", token, $"VCP-2026-{attempt:000000}", "guess@example.com");
            statuses.Add(response.StatusCode);
        }

        using var refused = await PostAsync(client, "en", token, order.Number, Email);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        var page = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Too many attempts", page.QuerySelector("h1")?.TextContent);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(ShopPaths.OrderLookup("en"), page.QuerySelectorAll("main a").FirstOrDefault(a => a.TextContent == "Try again")?.GetAttribute("href"));
        Assert.False(refused.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Nothing_of_one_visitor_is_ever_served_to_another()
    {
        var order = await _orders.PlaceAsync("vi", PaymentMethod.CashOnDelivery);
        var statusPath = ShopPaths.OrderStatus("vi", order.Number);
        using var buyer = NewClient();
        await TokenAsync(buyer, "vi");
        var buyerToken = await TokenAsync(buyer, "vi");
        (await LookupAsync(buyer, "vi", order.Number, Email)).Dispose();
        for (var i = 0; i < 2; i++)
        {
            using var mine = await buyer.GetAsync(new Uri(statusPath, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        }

        using var stranger = NewClient();
        using var theirs = await stranger.GetAsync(new Uri(statusPath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, theirs.StatusCode);
        Assert.Equal(ShopPaths.OrderLookup("vi"), theirs.Headers.Location?.OriginalString);
        Assert.DoesNotContain(order.Number, await theirs.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        // The form is not cached either: the stranger gets a token of their own, which works.
        var strangerToken = await TokenAsync(stranger, "vi");
        Assert.NotEqual(buyerToken, strangerToken);
        using var strangerLookup = await PostAsync(stranger, "vi", strangerToken, order.Number, Email);
        Assert.Equal(HttpStatusCode.SeeOther, strangerLookup.StatusCode);
    }

    [Fact]
    public async Task A_lookup_without_the_antiforgery_token_is_refused()
    {
        var order = await _orders.PlaceAsync("vi", PaymentMethod.CashOnDelivery);
        using var client = NewClient();
        await TokenAsync(client, "vi");

        using var response = await client.PostAsync(
            new Uri(ShopPaths.OrderLookup("vi"), UriKind.Relative),
            new FormUrlEncodedContent([new("Number", order.Number), new("Email", Email)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(OrderAccess.CookieName, StringComparison.Ordinal)));
        using var page = await client.GetAsync(new Uri(ShopPaths.OrderStatus("vi", order.Number), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task Access_is_for_the_orders_looked_up_and_ends_after_a_while()
    {
        var mine = await _orders.PlaceAsync("vi", PaymentMethod.CashOnDelivery);
        var other = await _orders.PlaceAsync("vi", PaymentMethod.CashOnDelivery, email: "other@example.vn");
        using var client = NewClient();
        (await LookupAsync(client, "vi", mine.Number, Email)).Dispose();

        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(client, mine.Number));
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfAsync(client, other.Number));
        using var forged = NewClient();
        forged.DefaultRequestHeaders.Add("Cookie", $"{OrderAccess.CookieName}=CfDJ8{new string('A', 120)}");
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfAsync(forged, mine.Number));

        _clock.Advance(OrderAccess.Lifetime + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfAsync(client, mine.Number));
    }

    private HttpClient NewClient() =>
        _site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(SiteFactory.BaseUrl) });

    private static async Task<string> TokenAsync(HttpClient client, string culture)
    {
        var form = await client.GetDocumentAsync(ShopPaths.OrderLookup(culture));
        return form.QuerySelector($"form.order-form input[name={StaffClient.AntiforgeryField}]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The lookup form has no antiforgery token.");
    }

    private static async Task<HttpResponseMessage> LookupAsync(HttpClient client, string culture, string number, string email) =>
        await PostAsync(client, culture, await TokenAsync(client, culture), number, email);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string culture, string token, string number, string email) =>
        client.PostAsync(new Uri(ShopPaths.OrderLookup(culture), UriKind.Relative), new FormUrlEncodedContent(
            [new(StaffClient.AntiforgeryField, token), new("Number", number), new("Email", email)]));

    private static async Task<HttpStatusCode> StatusOfAsync(HttpClient client, string number)
    {
        using var response = await client.GetAsync(new Uri(ShopPaths.OrderStatus("vi", number), UriKind.Relative));
        return response.StatusCode;
    }

    private static string WithoutToken(string html) => TokenValue().Replace(html, "$1");

    [GeneratedRegex("(name=\"__RequestVerificationToken\" type=\"hidden\" value=\")[^\"]*")]
    private static partial Regex TokenValue();
}

public sealed class OrderLookupTestsOnSqlite() : OrderLookupTests(DatabaseKind.Sqlite);

public sealed class OrderLookupTestsOnPostgres() : OrderLookupTests(DatabaseKind.Postgres);
