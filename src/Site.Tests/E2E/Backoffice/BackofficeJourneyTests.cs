using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VillageCraftPortal.Site.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace VillageCraftPortal.Site.Tests.E2E.Backoffice;

/// <summary>
/// The editorial round trip in Chromium, as the people involved do it: Bát Tràng's editor changes the centre's
/// hours and adds a picture, previews and submits; the publisher publishes; a rollback brings the old page back;
/// and the editor cannot reach another village's centre by address or by a changed id.
/// </summary>
[Collection(BackofficeBrowserGroup.Name)]
public sealed class BackofficeJourneyTests(BackofficeBrowserSite site) : IClassFixture<BackofficeBrowserSite>
{
    private const string CentreVi = "/vi/lang-nghe/bat-trang/trung-tam-thiet-ke-sang-tao";
    private const string CentreEn = "/en/villages/bat-trang/design-centre";
    private const string CentreName = "Trung tâm thiết kế sáng tạo làng gốm Bát Tràng";
    private const string VanPhucName = "Trung tâm thiết kế sáng tạo làng lụa Vạn Phúc";

    private const string OldMondayHours = "08:00–11:30, 13:30–17:00";
    private const string NewMondayInput = "08:00-11:30, 13:30-18:45";
    private const string NewMondayHours = "08:00–11:30, 13:30–18:45";

    // The bat-trang-craft picture of the seed, by its alt text in each language.
    private const string CraftAltVi = "Minh hoạ cận cảnh: bình gốm men lam vẽ hoa, đĩa vẽ cá chép, bút lông và chén men màu xanh coban";
    private const string CraftAltEn = "Close-up illustration: a blue-and-white vase with flowers, a carp dish, a brush and a dish of cobalt glaze";
    private const string CaptionVi = "Bình men lam vừa ra lò ở xưởng Bát Tràng";
    private const string CaptionEn = "A blue-and-white vase fresh from a Bát Tràng kiln";

    [Fact]
    public async Task Edit_preview_submit_publish_roll_back_and_stay_inside_ones_village()
    {
        var centreId = await site.DocumentIdAsync("centre-bat-trang");
        var liveBefore = await site.QueryAsync(db => db.Documents.Where(d => d.Id == centreId).Select(d => d.PublishedVersion).SingleAsync());
        Assert.NotNull(liveBefore);
        var visitor = await site.NewPageAsync();
        await ExpectPublicPagesAsync(visitor, changed: false);

        // 1. The editor changes Monday's closing time, adds a picture in both languages and saves.
        var editor = await site.NewPageAsAsync(BackofficeSite.BatTrangEditor);
        await editor.GotoAsync(site.Url($"/backoffice/content/{centreId}"));
        await Monday(editor).FillAsync(NewMondayInput);
        await AddImageBlockAsync(editor, "vi", CaptionVi);
        await AddImageBlockAsync(editor, "en", CaptionEn);
        await Expect(Monday(editor)).ToHaveValueAsync(NewMondayInput);
        await editor.GetByRole(AriaRole.Button, new() { Name = site.Text("bo.edit.save"), Exact = true }).ClickAsync();
        await ExpectFlashAsync(editor, "bo.edit.saved");
        await Expect(Monday(editor)).ToHaveValueAsync(NewMondayInput);
        foreach (var culture in new[] { "vi", "en" })
        {
            var picker = BodyColumn(editor, culture).GetByLabel(site.Text("bo.block.image"), new() { Exact = true });
            await Expect(picker).ToHaveCountAsync(1);
            await Expect(picker.GetByRole(AriaRole.Option, new() { Selected = true })).ToHaveTextAsync(new Regex(@"^bat-trang \/ bat-trang-craft"));
        }

        // 2. The draft shows in the preview, not on the public site; then it goes to review.
        foreach (var culture in new[] { "vi", "en" })
        {
            await OpenPreviewAsync(editor, culture);
            await ExpectCentrePageAsync(editor, culture, changed: true);
            await editor.GotoAsync(site.Url($"/backoffice/content/{centreId}"));
        }

        await ExpectPublicPagesAsync(visitor, changed: false);

        await editor.GetByLabel(site.Text("bo.edit.note"), new() { Exact = true }).FillAsync("Giờ thứ Hai và ảnh mới");
        await editor.GetByRole(AriaRole.Button, new() { Name = site.Text("bo.edit.submit"), Exact = true }).ClickAsync();
        await ExpectFlashAsync(editor, "bo.edit.submitted");

        // 3. The publisher finds it waiting for review and publishes it.
        var publisher = await site.NewPageAsAsync(BackofficeSite.BatTrangPublisher);
        await publisher.GotoAsync(site.Url("/backoffice"));
        await publisher.GetByRole(AriaRole.Region, new() { Name = site.Text("bo.home.inReview"), Exact = true })
            .GetByRole(AriaRole.Link, new() { Name = CentreName, Exact = true }).ClickAsync();
        await Expect(Monday(publisher)).ToHaveValueAsync(NewMondayInput);
        await Publish(publisher).ClickAsync();
        await ExpectFlashAsync(publisher, "bo.edit.published");
        await site.WaitForPublishedSnapshotAsync();
        await ExpectPublicPagesAsync(visitor, changed: true);

        // 4. Rolling back to the version that was live before, then publishing, restores the old page.
        await publisher.GetByRole(AriaRole.Link, new() { Name = site.Text("bo.edit.history"), Exact = true }).ClickAsync();
        await publisher.GetByRole(AriaRole.Row)
            .Filter(new() { Has = publisher.GetByRole(AriaRole.Rowheader, new() { Name = $"{liveBefore}", Exact = true }) })
            .GetByRole(AriaRole.Button, new() { Name = site.Text("bo.history.rollback") }).ClickAsync();
        await ExpectFlashAsync(publisher, "bo.history.rolledBack");
        await Expect(Monday(publisher)).ToHaveValueAsync("08:00-11:30, 13:30-17:00");
        await Expect(BodyColumn(publisher, "vi").GetByLabel(site.Text("bo.block.image"), new() { Exact = true })).ToHaveCountAsync(0);
        await Publish(publisher).ClickAsync();
        await ExpectFlashAsync(publisher, "bo.edit.published");
        await site.WaitForPublishedSnapshotAsync();
        await ExpectPublicPagesAsync(visitor, changed: false);

        // 5. Vạn Phúc's centre is out of the editor's reach, by its address and by a changed id in the form.
        await ExpectOtherVillageRefusedAsync(editor, centreId);
    }

    private async Task ExpectOtherVillageRefusedAsync(IPage editor, int centreId)
    {
        var vanPhucId = await site.DocumentIdAsync("centre-van-phuc");
        var before = await VersionsOfAsync(vanPhucId);
        foreach (var path in new[] { $"/backoffice/content/{vanPhucId}", $"/backoffice/content/{vanPhucId}/history", $"/backoffice/content/{vanPhucId}/preview?culture=vi" })
        {
            var response = await editor.GotoAsync(site.Url(path));
            Assert.True(response!.Status is 403 or 404, $"{path} answered {response.Status}");
            await Expect(editor.GetByText(VanPhucName)).ToHaveCountAsync(0);
            await Expect(editor.GetByRole(AriaRole.Button, new() { Name = site.Text("bo.edit.save"), Exact = true })).ToHaveCountAsync(0);
        }

        // The Bát Tràng form, sent as Vạn Phúc's (its id in the address, its version as the expected one).
        await editor.GotoAsync(site.Url($"/backoffice/content/{centreId}"));
        await editor.GetByRole(AriaRole.Textbox, new() { Name = $"{site.Text("bo.field.name")} {site.Text("bo.culture.vi")}", Exact = true }).FillAsync("Đã bị sửa trái phép");
        var save = editor.GetByRole(AriaRole.Button, new() { Name = site.Text("bo.edit.save"), Exact = true });
        await save.EvaluateAsync(
            "(button, target) => { button.formAction = target.url; button.form.elements.expectedVersion.value = target.version; }",
            new { url = $"/backoffice/content/{vanPhucId}?handler=Save", version = before.Latest });
        var posted = await editor.RunAndWaitForResponseAsync(() => save.ClickAsync(), r => r.Request.Method == "POST");
        Assert.True(posted.Status is 403 or 404, $"The tampered save answered {posted.Status}");
        await Expect(editor.GetByText(VanPhucName)).ToHaveCountAsync(0);

        var after = await VersionsOfAsync(vanPhucId);
        Assert.Equal(before, after);
    }

    private Task<(int Latest, int? Published, string Values)> VersionsOfAsync(int id) => site.QueryAsync(async db =>
    {
        var document = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == id);
        var values = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == id && v.Number == document.LatestVersion).Select(v => v.Values).SingleAsync();
        return (document.LatestVersion, document.PublishedVersion, values);
    });

    private ILocator Monday(IPage page) =>
        page.GetByRole(AriaRole.Group, new() { Name = site.Text("bo.field.openingHours"), Exact = true }).GetByLabel("Thứ Hai", new() { Exact = true });

    private ILocator Publish(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = site.Text("bo.edit.publish"), Exact = true });

    /// <summary>One language's column of the page body's block editor.</summary>
    private ILocator BodyColumn(IPage page, string culture) =>
        page.GetByRole(AriaRole.Group, new() { Name = site.Text("bo.field.body"), Exact = true })
            .GetByRole(AriaRole.Group, new() { Name = site.Text($"bo.culture.{culture}"), Exact = true });

    /// <summary>Adds an image block (a round trip that keeps everything typed so far), picks the craft picture and writes a caption.</summary>
    private async Task AddImageBlockAsync(IPage page, string culture, string caption)
    {
        var column = BodyColumn(page, culture);
        await column.GetByLabel(site.Text("bo.blocks.addType"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = site.Text("bo.block.image") });
        await column.GetByRole(AriaRole.Button, new() { Name = site.Text("bo.blocks.add"), Exact = true }).ClickAsync();

        var picker = column.GetByLabel(site.Text("bo.block.image"), new() { Exact = true });
        await Expect(picker).ToHaveCountAsync(1);
        var craft = await picker.GetByRole(AriaRole.Option, new() { NameRegex = new Regex(@"^bat-trang \/ bat-trang-craft ") }).TextContentAsync();
        await picker.SelectOptionAsync(new SelectOptionValue { Label = craft!.Trim() });
        await column.GetByLabel(site.Text("bo.block.caption"), new() { Exact = true }).FillAsync(caption);
    }

    private async Task OpenPreviewAsync(IPage editor, string culture)
    {
        await editor.GetByRole(AriaRole.Link, new() { Name = $"{site.Text("bo.edit.preview")} ({culture})", Exact = true }).ClickAsync();
        await editor.WaitForURLAsync(new Regex("/preview/"));
        await Expect(editor.Locator("html")).ToHaveAttributeAsync("lang", culture);
    }

    private async Task ExpectFlashAsync(IPage page, string key) =>
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = site.Text(key) })).ToBeVisibleAsync();

    private async Task ExpectPublicPagesAsync(IPage visitor, bool changed)
    {
        await visitor.GotoAsync(site.Url(CentreVi));
        await ExpectCentrePageAsync(visitor, "vi", changed);
        await visitor.GotoAsync(site.Url(CentreEn));
        await ExpectCentrePageAsync(visitor, "en", changed);
    }

    /// <summary>The centre page (public or preview): Monday's hours, and whether the new picture and caption are there.</summary>
    private static async Task ExpectCentrePageAsync(IPage page, string culture, bool changed)
    {
        var (table, monday, alt, caption, lastParagraph) = culture == "vi"
            ? ("Giờ mở cửa bảy ngày tới", "Thứ Hai", CraftAltVi, CaptionVi, "Giờ mở cửa dưới đây chỉ là ví dụ")
            : ("Opening hours for the next seven days", "Monday", CraftAltEn, CaptionEn, "The opening hours shown are only an example");
        var row = page.GetByRole(AriaRole.Table, new() { Name = table }).GetByRole(AriaRole.Row, new() { NameRegex = new Regex($"^{monday}") });
        await Expect(row).ToContainTextAsync(changed ? NewMondayHours : OldMondayHours);

        // Saving through the rich-text editor keeps the body's paragraphs (it used to flatten them into line breaks).
        await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Paragraph).Filter(new() { HasTextRegex = new Regex($"^{lastParagraph}") })).ToHaveCountAsync(1);

        var picture = page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Img, new() { Name = alt, Exact = true });
        var figure = page.GetByRole(AriaRole.Figure).Filter(new() { HasText = caption });
        if (changed)
        {
            await Expect(picture).ToBeVisibleAsync();
            await picture.ScrollIntoViewIfNeededAsync();
            Assert.True(await picture.EvaluateAsync<bool>("img => img.decode().then(() => img.naturalWidth > 0, () => false)"), $"The picture '{alt}' did not load.");
            await Expect(figure).ToBeVisibleAsync();
        }
        else
        {
            await Expect(picture).ToHaveCountAsync(0);
            await Expect(figure).ToHaveCountAsync(0);
        }
    }
}
