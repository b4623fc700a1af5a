using System.Net;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Content;

namespace VillageCraftPortal.Site.Tests.Backoffice;

/// <summary>
/// The history of a page lists every version with who saved it and when (Hà Nội time); rolling back saves the old
/// values as a new version and rewrites nothing.
/// </summary>
public abstract class HistoryTests(BackofficeSite site)
{
    private const string EditForm = "form[data-edit-form]";

    [Fact]
    public async Task The_history_lists_every_version_with_who_saved_it_and_when()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var admin = await site.SignInAsync(BackofficeSite.Admin);
        var id = await site.DocumentIdAsync("experience-bat-trang-walk");

        site.Clock.Advance(TimeSpan.FromMinutes(10));
        var firstAt = HaNoiTime();
        using var first = await editor.SubmitAsync($"/backoffice/content/{id}", EditForm, new() { ["f.summary.vi"] = "Bản của biên tập viên" }, "Save");
        site.Clock.Advance(TimeSpan.FromMinutes(5));
        var secondAt = HaNoiTime();
        using var second = await admin.SubmitAsync($"/backoffice/content/{id}", EditForm, new() { ["f.summary.vi"] = "Bản của quản trị viên" }, "Save");
        var history = await admin.GetDocumentAsync($"/backoffice/content/{id}/history");

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        var rows = history.QuerySelectorAll("main table tbody tr")
            .Select(r => (Number: r.QuerySelector("th")!.TextContent.Trim(), By: r.QuerySelectorAll("td")[0].TextContent.Trim(), At: r.QuerySelectorAll("td")[1].TextContent.Trim()))
            .ToList();
        var versions = await site.QueryAsync(db => db.DocumentVersions.Where(v => v.DocumentId == id).OrderByDescending(v => v.Number).Select(v => v.Number).ToListAsync());
        Assert.Equal(versions.Select(v => $"{v}"), rows.Select(r => r.Number));
        Assert.Equal((BackofficeSite.Admin, secondAt), (rows[0].By, rows[0].At));
        Assert.Equal((BackofficeSite.BatTrangEditor, firstAt), (rows[1].By, rows[1].At));
    }

    [Fact]
    public async Task Rolling_back_saves_the_old_values_as_a_new_version()
    {
        var admin = await site.SignInAsync(BackofficeSite.Admin);
        var id = await site.DocumentIdAsync("experience-bat-trang-wheel");
        using var one = await admin.SubmitAsync($"/backoffice/content/{id}", EditForm, new() { ["f.summary.vi"] = "Phiên bản để quay về" }, "Save");
        var target = (await site.DocumentAsync(id)).LatestVersion;
        using var two = await admin.SubmitAsync($"/backoffice/content/{id}", EditForm, new() { ["f.summary.vi"] = "Phiên bản sau đó" }, "Save");
        var latest = (await site.DocumentAsync(id)).LatestVersion;
        var stored = await StoredVersionsAsync(id);

        using var rolledBack = await admin.SubmitAsync($"/backoffice/content/{id}/history", "main form", new() { ["version"] = $"{target}" }, "Rollback");

        Assert.Equal(HttpStatusCode.Redirect, rolledBack.StatusCode);
        Assert.Equal($"/backoffice/content/{id}", rolledBack.Headers.Location?.OriginalString);
        Assert.Equal(latest + 1, (await site.DocumentAsync(id)).LatestVersion);
        Assert.Equal((await site.ValuesAsync(id, target)).ToJson(), (await site.ValuesAsync(id)).ToJson());
        Assert.Equal("Phiên bản để quay về", (await site.ValuesAsync(id)).GetString("summary", Cultures.Vietnamese));
        Assert.Equal(stored, (await StoredVersionsAsync(id)).Take(stored.Count));
        var history = await admin.GetDocumentAsync($"/backoffice/content/{id}/history");
        Assert.Contains($"rollback to version {target}", history.QuerySelector("main table tbody tr")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Now on the site's clock in Hà Nội, which keeps UTC+7 all year.</summary>
    private string HaNoiTime() => site.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every stored version as it is, oldest first, to show that nothing was rewritten.</summary>
    private Task<List<string>> StoredVersionsAsync(int id) => site.QueryAsync(db =>
        db.DocumentVersions.Where(v => v.DocumentId == id).OrderBy(v => v.Number).Select(v => $"{v.Number} {v.CreatedBy} {v.Values}").ToListAsync());
}

public sealed class HistoryTestsOnSqlite(SqliteBackofficeSite site) : HistoryTests(site), IClassFixture<SqliteBackofficeSite>;

public sealed class HistoryTestsOnPostgres(PostgresBackofficeSite site) : HistoryTests(site), IClassFixture<PostgresBackofficeSite>;
