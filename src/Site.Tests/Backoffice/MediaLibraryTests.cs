using System.Net;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Site.Tests.Builders;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Site.Tests.Backoffice;

/// <summary>
/// The media library through its forms: an image still used by a page is not deleted (the pages are listed), a
/// replaced file keeps its key and every page shows the new one, Vietnamese alt text is required, and several files
/// go up at once, then wait for their alt text.
/// </summary>
public abstract class MediaLibraryTests(BackofficeSite site)
{
    private const string Usage = "section[aria-labelledby=usage-heading] a";

    [Fact]
    public async Task An_image_still_used_by_pages_is_not_deleted_and_the_pages_are_listed()
    {
        var admin = await site.SignInAsync(BackofficeSite.Admin);
        var key = await MediaKeyAsync("bat-trang-craft");
        var usedBy = new[] { "village-bat-trang", "experience-bat-trang-walk", "experience-bat-trang-wheel" };
        var expected = new HashSet<string>();
        foreach (var alias in usedBy)
        {
            expected.Add($"/backoffice/content/{await site.DocumentIdAsync(alias)}");
        }

        var form = await admin.ReadFormAsync($"/backoffice/media/{key}", "form[action*='handler=Delete']");
        using var response = await admin.PostAsync(form.Action, form.Fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(new UiTexts().Get(Cultures.Vietnamese, "bo.media.inUse"), page.QuerySelector("main [role=alert]")?.TextContent.Trim());
        Assert.Subset(page.QuerySelectorAll(Usage).Select(a => a.GetAttribute("href")!).ToHashSet(), expected);
        Assert.NotNull(await site.FindMediaAsync(key));
    }

    [Fact]
    public async Task An_image_no_page_uses_is_deleted()
    {
        var admin = await site.SignInAsync(BackofficeSite.Admin);
        var item = await site.CreateMediaAsync("bat-trang", new LocalizedText { ["vi"] = "Ảnh không dùng" }, ImageCorpus.Jpeg(40, 30));

        using var response = await admin.SubmitAsync($"/backoffice/media/{item.Key}", "form[action*='handler=Delete']", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await site.FindMediaAsync(item.Key));
    }

    [Fact]
    public async Task Replacing_a_file_keeps_the_key_and_the_pages_show_the_new_file()
    {
        var admin = await site.SignInAsync(BackofficeSite.Admin);
        var key = await MediaKeyAsync("bat-trang-centre");
        var before = (await site.FindMediaAsync(key))!;
        var centre = await site.DocumentIdAsync("centre-bat-trang");
        var url = await site.PublicUrlAsync(centre, "vi");
        Assert.Contains($"/media/{before.FileHash[..32]}/", await PublicAsync(url), StringComparison.Ordinal);

        var form = await admin.ReadFormAsync($"/backoffice/media/{key}", "form[action*='handler=Replace']");
        using var replaced = await admin.PostFilesAsync(form.Action, form.Fields, [new UploadFile("file", "trung-tam-moi.png", "image/png", ImageCorpus.Png(72, 48))]);

        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        var after = (await site.FindMediaAsync(key))!;
        Assert.NotEqual(before.FileHash, after.FileHash);
        Assert.Equal((72, 48), (after.Width, after.Height));
        var usage = await admin.GetDocumentAsync($"/backoffice/media/{key}");
        Assert.Contains(usage.QuerySelectorAll(Usage), a => a.GetAttribute("href") == $"/backoffice/content/{centre}");
        await site.WaitForPublishedSnapshotAsync();
        var publicPage = await PublicAsync(url);
        Assert.DoesNotContain($"/media/{before.FileHash[..32]}/", publicPage, StringComparison.Ordinal);
        var image = Html.Parse(publicPage).QuerySelectorAll("img").Select(i => i.GetAttribute("src")).FirstOrDefault(src => src?.StartsWith($"/media/{after.FileHash[..32]}/", StringComparison.Ordinal) == true);
        Assert.True(image is not null, "The centre's page does not show the new file.");
        using var served = await site.Anonymous.GetAsync(new Uri(image, UriKind.Relative));
        Assert.True(served.StatusCode == HttpStatusCode.OK, $"{image}: {await served.Content.ReadAsStringAsync()}");
        Assert.StartsWith("image/", served.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_without_Vietnamese_alt_text_are_refused_and_nothing_is_saved()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var item = await site.CreateMediaAsync("bat-trang", new LocalizedText { ["vi"] = "Mô tả cũ", ["en"] = "Old description" }, ImageCorpus.Jpeg(44, 33));
        var path = $"/backoffice/media/{item.Key}";

        using var refused = await editor.SubmitAsync(path, "main form.bo-form", new() { ["alt.vi"] = " ", ["alt.en"] = "English only" });
        var afterRefusal = (await site.FindMediaAsync(item.Key))!.Alt;
        using var saved = await editor.SubmitAsync(path, "main form.bo-form", new() { ["alt.vi"] = "Mô tả mới", ["alt.en"] = "New description" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var message = new UiTexts().Get(Cultures.Vietnamese, "upload.alttextrequired");
        Assert.Equal(message, Html.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("main [role=alert]")?.TextContent.Trim());
        Assert.Equal(item.Alt, afterRefusal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Mô tả mới", (await site.FindMediaAsync(item.Key))!.Alt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_files_go_up_at_once_and_become_images_once_each_has_Vietnamese_alt_text()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var before = await FolderCountAsync("bat-trang");
        var upload = await editor.ReadFormAsync("/backoffice/media?folder=bat-trang", "form[enctype='multipart/form-data']");

        using var uploaded = await editor.PostFilesAsync(upload.Action, upload.Fields, [
            new UploadFile("files", "mot.jpg", "image/jpeg", ImageCorpus.Jpeg(120, 80)),
            new UploadFile("files", "hai.png", "image/png", ImageCorpus.Png(90, 60)),
            new UploadFile("files", "ghi-chu.txt", "text/plain", "không phải ảnh"u8.ToArray())]);

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var describe = uploaded.Headers.Location!.OriginalString;
        Assert.StartsWith("/backoffice/media/describe?t=", describe, StringComparison.Ordinal);
        var page = await editor.GetDocumentAsync(describe);
        Assert.Equal(["mot.jpg (120 × 80)", "hai.png (90 × 60)"], page.QuerySelectorAll("main form fieldset.bo-describe > legend").Select(l => l.TextContent.Trim()));
        Assert.Contains(page.QuerySelectorAll("main [role=alert]"), a => a.TextContent.StartsWith("ghi-chu.txt:", StringComparison.Ordinal));

        var form = await editor.ReadFormAsync(describe, "main form");
        using var incomplete = await editor.PostAsync(form.Action, form.With(new() { ["u0.alt.vi"] = "Ảnh một", ["u0.alt.en"] = "Image one", ["u1.alt.en"] = "Image two" }));
        var afterIncomplete = await FolderCountAsync("bat-trang");
        // The form comes back with what was typed; the person adds the missing alt text and saves again.
        var again = StaffClient.FieldsOf(StaffClient.FindForm(Html.Parse(await incomplete.Content.ReadAsStringAsync()), "main form", null));
        using var complete = await editor.PostAsync(form.Action, new LoadedForm(form.Action, again).With(new() { ["u1.alt.vi"] = "Ảnh hai" }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        Assert.Equal(before, afterIncomplete);
        Assert.Equal("Ảnh một", StaffClient.FieldValue(Html.Parse(await incomplete.Content.ReadAsStringAsync()), "u0.alt.vi"));
        Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
        Assert.Equal("/backoffice/media?folder=bat-trang", complete.Headers.Location?.OriginalString);
        var alts = await site.QueryAsync(db => db.MediaItems.Where(m => m.Folder == "bat-trang").OrderByDescending(m => m.Id).Take(2).Select(m => m.Alt).ToListAsync());
        Assert.Equal(before + 2, await FolderCountAsync("bat-trang"));
        Assert.Contains(alts, a => a.Contains("Ảnh một", StringComparison.Ordinal) && a.Contains("Image one", StringComparison.Ordinal));
        Assert.Contains(alts, a => a.Contains("Ảnh hai", StringComparison.Ordinal) && a.Contains("Image two", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_editor_cannot_upload_into_another_villages_folder()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var upload = await editor.ReadFormAsync("/backoffice/media?folder=bat-trang", "form[enctype='multipart/form-data']");
        var fields = upload.With(new() { ["folder"] = "van-phuc" });
        var before = await FolderCountAsync("van-phuc");

        using var response = await editor.PostFilesAsync(upload.Action.Replace("folder=bat-trang", "folder=van-phuc", StringComparison.Ordinal), fields,
            [new UploadFile("files", "lua.jpg", "image/jpeg", ImageCorpus.Jpeg(50, 40))]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await FolderCountAsync("van-phuc"));
    }

    private Task<Guid> MediaKeyAsync(string alias) => site.QueryAsync(db => db.MediaItems.Where(m => m.Alias == alias).Select(m => m.Key).SingleAsync());

    private Task<int> FolderCountAsync(string folder) => site.QueryAsync(db => db.MediaItems.CountAsync(m => m.Folder == folder));

    private async Task<string> PublicAsync(string url)
    {
        using var response = await site.Anonymous.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}

public sealed class MediaLibraryTestsOnSqlite(SqliteBackofficeSite site) : MediaLibraryTests(site), IClassFixture<SqliteBackofficeSite>;

public sealed class MediaLibraryTestsOnPostgres(PostgresBackofficeSite site) : MediaLibraryTests(site), IClassFixture<PostgresBackofficeSite>;
