using System.Net;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Site.Tests.Backoffice;

/// <summary>
/// Two people edit the same page: the second save is refused (409) with a clear message in the user's language,
/// their typed values come back on the page, and the database holds exactly the first change.
/// </summary>
public abstract class ConcurrencyTests(BackofficeSite site)
{
    private const string EditForm = "form[data-edit-form]";

    [Fact]
    public async Task The_second_save_from_the_same_version_is_refused_and_loses_nothing()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var publisher = await site.SignInAsync(BackofficeSite.BatTrangPublisher);
        var id = await site.DocumentIdAsync("centre-bat-trang");
        var before = await site.ValuesAsync(id);
        var version = (await site.DocumentAsync(id)).LatestVersion;
        var first = await editor.ReadFormAsync($"/backoffice/content/{id}", EditForm, "Save");
        var second = await publisher.ReadFormAsync($"/backoffice/content/{id}", EditForm, "Save");
        var typed = new Dictionary<string, string> { ["f.summary.vi"] = "Tóm tắt của người thứ hai", ["f.name.en"] = "Second person's name" };

        using var firstSave = await editor.PostAsync(first.Action, first.With(new() { ["f.summary.vi"] = "Tóm tắt của người thứ nhất" }));
        using var secondSave = await publisher.PostAsync(second.Action, second.With(typed));

        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondSave.StatusCode);
        var page = Html.Parse(await secondSave.Content.ReadAsStringAsync());
        var conflict = new UiTexts().Get(Cultures.Vietnamese, "bo.edit.conflict");
        Assert.NotEqual("bo.edit.conflict", conflict);
        Assert.Equal(conflict, page.QuerySelector("main [role=alert]")?.TextContent.Trim());
        Assert.All(typed, t => Assert.Equal(t.Value, StaffClient.FieldValue(page, t.Key)));
        var saved = await site.ValuesAsync(id);
        Assert.Equal(version + 1, (await site.DocumentAsync(id)).LatestVersion);
        Assert.Equal("Tóm tắt của người thứ nhất", saved.GetString("summary", Cultures.Vietnamese));
        Assert.Equal(before.GetString("name", Cultures.English), saved.GetString("name", Cultures.English));
    }

    [Fact]
    public async Task Two_saves_at_the_same_moment_make_one_version_and_one_conflict()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var publisher = await site.SignInAsync(BackofficeSite.BatTrangPublisher);
        var id = await site.DocumentIdAsync("experience-bat-trang-wheel");
        var version = (await site.DocumentAsync(id)).LatestVersion;
        var first = await editor.ReadFormAsync($"/backoffice/content/{id}", EditForm, "Save");
        var second = await publisher.ReadFormAsync($"/backoffice/content/{id}", EditForm, "Save");

        var saves = await Task.WhenAll(
            editor.PostAsync(first.Action, first.With(new() { ["f.summary.vi"] = "Cùng lúc: A" })),
            publisher.PostAsync(second.Action, second.With(new() { ["f.summary.vi"] = "Cùng lúc: B" })));

        var statuses = saves.Select(s => s.StatusCode).Order().ToList();
        foreach (var save in saves)
        {
            save.Dispose();
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Conflict], statuses);
        Assert.Equal(version + 1, (await site.DocumentAsync(id)).LatestVersion);
        Assert.StartsWith("Cùng lúc: ", (await site.ValuesAsync(id)).GetString("summary", Cultures.Vietnamese), StringComparison.Ordinal);
    }
}

public sealed class ConcurrencyTestsOnSqlite(SqliteBackofficeSite site) : ConcurrencyTests(site), IClassFixture<SqliteBackofficeSite>;

public sealed class ConcurrencyTestsOnPostgres(PostgresBackofficeSite site) : ConcurrencyTests(site), IClassFixture<PostgresBackofficeSite>;
