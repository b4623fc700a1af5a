using System.Net;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Site.Tests.Backoffice;

/// <summary>
/// A new page starts as an unfinished draft: it saves with only a name, lists what it still needs, and cannot be
/// published until that is filled in.
/// </summary>
public abstract class DraftsTests<TSite>(TSite site) where TSite : BackofficeSite
{
    private static readonly UiTexts Texts = new();

    [Fact]
    public async Task An_editor_creates_an_experience_that_saves_unfinished_and_publishes_once_complete()
    {
        var publisher = await site.SignInAsync(BackofficeSite.BatTrangPublisher);
        var village = await site.DocumentIdAsync("village-bat-trang");

        using var created = await publisher.SubmitAsync($"/backoffice/content/create?parent={village}", "main form", new() { ["ContentType"] = "experience", ["Name"] = "Lớp vẽ men lam" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = created.Headers.Location!.OriginalString;
        var page = await publisher.GetDocumentAsync(edit);
        var missing = page.QuerySelectorAll(".bo-note li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains(Texts.Get("vi", "bo.field.kind"), missing);
        Assert.Contains(Texts.Get("vi", "bo.field.durationMinutes"), missing);

        using var refused = await publisher.SubmitAsync(edit, "form[data-edit-form]", [], "Publish");
        var id = int.Parse(edit.Split('/')[^1].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Null(await site.QueryAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.PublishedVersion).SingleAsync()));

        using var published = await publisher.SubmitAsync(edit, "form[data-edit-form]", new() { ["f.kind.inv"] = "workshop", ["f.durationMinutes.inv"] = "90" }, "Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.NotNull(await site.QueryAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.PublishedVersion).SingleAsync()));
        Assert.Empty((await publisher.GetDocumentAsync(edit)).QuerySelectorAll(".bo-note li"));
    }
}

public sealed class SqliteDraftsTests(SqliteBackofficeSite site) : DraftsTests<SqliteBackofficeSite>(site), IClassFixture<SqliteBackofficeSite>;

public sealed class PostgresDraftsTests(PostgresBackofficeSite site) : DraftsTests<PostgresBackofficeSite>(site), IClassFixture<PostgresBackofficeSite>;
