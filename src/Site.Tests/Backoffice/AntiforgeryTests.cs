using System.Net;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Backoffice.Accounts;
using VillageCraftPortal.Web.Backoffice.Editing;
using VillageCraftPortal.Web.Backoffice.MediaLibrary;

namespace VillageCraftPortal.Site.Tests.Backoffice;

/// <summary>
/// Every POST of the backoffice needs the antiforgery token of the signed-in user's own session: without one, or with
/// another user's, it is refused with 400 and nothing changes. The handlers are found by reflection, so a new one is
/// walked here from the day it is written.
/// </summary>
public abstract class AntiforgeryTests(BackofficeSite site)
{
    public static TheoryData<string, string> Handlers()
    {
        var data = new TheoryData<string, string>();
        foreach (var handler in BackofficePages.PostHandlers)
        {
            data.Add(handler.Page.Route, handler.Handler);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task A_post_without_a_token_is_refused_and_changes_nothing(string route, string handler)
    {
        var admin = await site.SignInAsync(BackofficeSite.Admin);
        var path = BackofficePages.PostPath(route, handler, await BackofficePages.RouteValuesAsync(site));
        var before = await site.FingerprintAsync();

        // Fields a real form of any of these pages might send, so that only the missing token can refuse it.
        using var response = await admin.PostAsync(path, [
            new("Email", BackofficeSite.Admin), new("Password", BackofficeSite.Password), new("expectedVersion", "1"),
            new("f.name.vi", "Không có mã chống giả mạo"), new("From", "/vi/khong-co-ma"), new("To", "/vi"), new("version", "1")]);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {path} without a token answered {(int)response.StatusCode}.");
        Assert.Equal(before, await site.FingerprintAsync());
        using var stillSignedIn = await admin.GetAsync("/backoffice");
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
    }

    [Fact]
    public async Task A_token_from_another_users_session_is_refused()
    {
        var admin = await site.SignInAsync(BackofficeSite.Admin);
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var id = await site.DocumentIdAsync("centre-bat-trang");
        var version = (await site.DocumentAsync(id)).LatestVersion;
        var requests = new MatrixRequests(site);
        var path = $"/backoffice/content/{id}?handler=Save";

        using var withEditorsToken = await admin.PostAsync(path, await requests.EditFormAsync(id, await MatrixRequests.TokenAsync(editor), ("f.summary.vi", "Mã của người khác")));
        var afterRefusal = (await site.DocumentAsync(id)).LatestVersion;
        using var withOwnToken = await admin.PostAsync(path, await requests.EditFormAsync(id, await MatrixRequests.TokenAsync(admin), ("f.summary.vi", "Mã của chính mình")));

        Assert.Equal(HttpStatusCode.BadRequest, withEditorsToken.StatusCode);
        Assert.Equal(version, afterRefusal);
        Assert.Equal(HttpStatusCode.Redirect, withOwnToken.StatusCode);
        Assert.Equal(version + 1, (await site.DocumentAsync(id)).LatestVersion);
    }

    [Fact]
    public async Task Signing_in_without_a_token_is_refused()
    {
        using var visitor = site.NewClient();

        using var response = await visitor.PostAsync("/backoffice/sign-in", [new("Email", BackofficeSite.Admin), new("Password", BackofficeSite.Password)]);
        using var backoffice = await visitor.GetAsync("/backoffice");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, backoffice.StatusCode);
        Assert.StartsWith("/backoffice/sign-in", new Uri(new Uri(SiteFactory.BaseUrl), backoffice.Headers.Location!).AbsolutePath, StringComparison.Ordinal);
    }
}

public sealed class AntiforgeryTestsOnSqlite(SqliteBackofficeSite site) : AntiforgeryTests(site), IClassFixture<SqliteBackofficeSite>;

public sealed class AntiforgeryTestsOnPostgres(PostgresBackofficeSite site) : AntiforgeryTests(site), IClassFixture<PostgresBackofficeSite>;

/// <summary>The reflection the antiforgery and form tests rely on finds what it should.</summary>
public sealed class BackofficePagesTests
{
    [Fact]
    public void Every_backoffice_page_model_has_a_compiled_page_with_a_route()
    {
        Assert.Empty(BackofficePages.ModelsWithoutPage);
        Assert.Contains(BackofficePages.All, p => p.Model == typeof(EditModel) && p.Route == "/backoffice/content/{id:int}");
    }

    [Fact]
    public void The_post_handlers_include_the_ones_known_today()
    {
        var handlers = BackofficePages.PostHandlers.Select(h => (h.Page.Model, h.Handler)).ToList();

        Assert.Contains((typeof(EditModel), "Save"), handlers);
        Assert.Contains((typeof(EditModel), "Block"), handlers);
        Assert.Contains((typeof(HistoryModel), "Rollback"), handlers);
        Assert.Contains((typeof(ItemModel), "Replace"), handlers);
        Assert.Contains((typeof(SignInModel), string.Empty), handlers);
        Assert.Contains((typeof(SignOutModel), string.Empty), handlers);
        Assert.True(handlers.Count >= 25, $"Only {handlers.Count} POST handlers found.");
    }
}
