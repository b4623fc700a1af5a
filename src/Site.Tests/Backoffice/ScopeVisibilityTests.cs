using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Content;

namespace VillageCraftPortal.Site.Tests.Backoffice;

/// <summary>
/// What lists show: a Bát Tràng editor's tree, dashboard and media library hold Bát Tràng and nothing of Vạn Phúc;
/// a translator's save changes their language only, whatever the form says.
/// </summary>
public abstract class ScopeVisibilityTests(BackofficeSite site)
{
    [Fact]
    public async Task The_tree_of_a_Bat_Trang_editor_holds_every_Bat_Trang_page_and_nothing_else()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);

        var tree = await editor.GetDocumentAsync("/backoffice/content");

        Assert.Equal(await DocumentsOfAsync("bat-trang"), DocumentLinks(tree));
        Assert.DoesNotContain("Vạn Phúc", tree.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_of_a_Bat_Trang_editor_lists_no_page_of_another_village()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var vanPhuc = await site.DocumentIdAsync("centre-van-phuc");
        await site.SaveDraftAsync(vanPhuc, v => v.Set("summary", Cultures.Vietnamese, "Bản nháp mới nhất của Vạn Phúc"));

        var dashboard = await editor.GetDocumentAsync("/backoffice");

        Assert.NotEmpty(DocumentLinks(dashboard));
        Assert.Subset((await DocumentsOfAsync("bat-trang")).ToHashSet(), DocumentLinks(dashboard).ToHashSet());
        Assert.DoesNotContain("Vạn Phúc", dashboard.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_media_library_of_a_Bat_Trang_editor_shows_its_folder_only()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var own = await MediaKeysAsync("bat-trang");

        using var library = await editor.GetAsync("/backoffice/media");
        var page = await editor.GetDocumentAsync("/backoffice/media?folder=bat-trang");
        using var otherFolder = await editor.GetAsync("/backoffice/media?folder=van-phuc");

        Assert.Equal("/backoffice/media?folder=bat-trang", library.Headers.Location?.OriginalString);
        Assert.Equal(["bat-trang"], page.QuerySelectorAll(".bo-folders a").Select(a => a.TextContent.Trim()));
        Assert.NotEmpty(own);
        Assert.Equal(own, MediaLinks(page));
        Assert.Equal(HttpStatusCode.Redirect, otherFolder.StatusCode);
        Assert.Equal("/backoffice/media?folder=bat-trang", otherFolder.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_translator_changes_English_only_whatever_the_form_posts()
    {
        var translator = await site.SignInAsync(BackofficeSite.EnglishTranslator);
        var id = await site.DocumentIdAsync("centre-van-phuc");
        var before = await site.ValuesAsync(id);
        var version = (await site.DocumentAsync(id)).LatestVersion;
        var form = await translator.GetDocumentAsync($"/backoffice/content/{id}");

        using var saved = await translator.SubmitAsync($"/backoffice/content/{id}", "form[data-edit-form]",
            new() { ["f.name.vi"] = "Tên do người dịch sửa", ["f.name.en"] = "Name changed by the translator", ["f.starRating.inv"] = "3" }, "Save");

        Assert.True(form.QuerySelector("[name='f.name.vi']")!.HasAttribute("disabled"), "The Vietnamese name is not editable for an English translator.");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await site.ValuesAsync(id);
        Assert.Equal(version + 1, (await site.DocumentAsync(id)).LatestVersion);
        Assert.Equal("Name changed by the translator", after.GetString("name", Cultures.English));
        Assert.Equal(before.GetString("name", Cultures.Vietnamese), after.GetString("name", Cultures.Vietnamese));
        Assert.Equal(before.Get("starRating")?.ToJsonString(), after.Get("starRating")?.ToJsonString());
        before.Set("name", Cultures.English, "Name changed by the translator");
        Assert.Equal(before.ToJson(), after.ToJson());
    }

    private static List<int> DocumentLinks(IDocument page) =>
    [
        .. page.QuerySelectorAll("main a[href^='/backoffice/content/']")
            .Select(a => a.GetAttribute("href")!["/backoffice/content/".Length..])
            .Where(rest => int.TryParse(rest, out _))
            .Select(int.Parse)
            .Distinct()
            .Order(),
    ];

    private static List<Guid> MediaLinks(IDocument page) =>
        [.. page.QuerySelectorAll("main a[href^='/backoffice/media/']").Select(a => Guid.Parse(a.GetAttribute("href")!["/backoffice/media/".Length..])).Order()];

    private async Task<List<int>> DocumentsOfAsync(string village)
    {
        using var scope = site.Factory.Services.CreateScope();
        var scopes = await scope.ServiceProvider.GetRequiredService<ContentScopes>().AllAsync();
        return [.. scopes.Values.Where(s => s.VillageCode == village).Select(s => s.Id).Order()];
    }

    private Task<List<Guid>> MediaKeysAsync(string folder) =>
        site.QueryAsync(async db => (await db.MediaItems.Where(m => m.Folder == folder).Select(m => m.Key).ToListAsync()).Order().ToList());
}

public sealed class ScopeVisibilityTestsOnSqlite(SqliteBackofficeSite site) : ScopeVisibilityTests(site), IClassFixture<SqliteBackofficeSite>;

public sealed class ScopeVisibilityTestsOnPostgres(PostgresBackofficeSite site) : ScopeVisibilityTests(site), IClassFixture<PostgresBackofficeSite>;
