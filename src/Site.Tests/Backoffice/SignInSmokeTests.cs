using System.Net;
using VillageCraftPortal.Site.Tests.Infrastructure;

namespace VillageCraftPortal.Site.Tests.Backoffice;

public sealed class SignInSmokeTests(SqliteBackofficeSite site) : IClassFixture<SqliteBackofficeSite>
{
    [Fact]
    public async Task The_sign_in_form_is_never_served_from_another_visitors_cache()
    {
        using var returning = site.NewClient();
        for (var i = 0; i < 3; i++)
        {
            // The first answer sets the antiforgery cookie; the later ones, to a visitor who has it, do not.
            using var page = await returning.GetAsync("/backoffice/sign-in");
        }

        using var fresh = site.NewClient();
        var tokens = new[] { await returning.AntiforgeryTokenAsync("/backoffice/sign-in"), await fresh.AntiforgeryTokenAsync("/backoffice/sign-in") };
        await fresh.SignInAsync(BackofficeSite.BatTrangEditor, BackofficeSite.Password);

        Assert.NotEqual(tokens[0], tokens[1]);
        using var home = await fresh.GetAsync("/backoffice");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task Editor_sees_own_centre_and_not_another_villages()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var own = await site.DocumentIdAsync("centre-bat-trang");
        var other = await site.DocumentIdAsync("centre-van-phuc");

        using var ownPage = await editor.GetAsync($"/backoffice/content/{own}");
        using var otherPage = await editor.GetAsync($"/backoffice/content/{other}");

        Assert.Equal(HttpStatusCode.OK, ownPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherPage.StatusCode);
    }

    [Fact]
    public async Task Editor_saves_a_draft_through_the_form()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var id = await site.DocumentIdAsync("centre-bat-trang");

        using var saved = await editor.SubmitAsync($"/backoffice/content/{id}", "form[data-edit-form]", new() { ["f.summary.vi"] = "Tóm tắt mới" }, "Save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await editor.GetDocumentAsync($"/backoffice/content/{id}");
        Assert.Equal("Tóm tắt mới", StaffClient.FieldValue(page, "f.summary.vi"));
    }

    [Fact]
    public async Task Signing_out_from_the_header_ends_the_session()
    {
        var client = site.NewClient();
        await client.SignInAsync(BackofficeSite.VanPhucEditor, BackofficeSite.Password);

        using var signedOut = await client.SubmitAsync("/backoffice", "header form", []);
        using var after = await client.GetAsync("/backoffice");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/backoffice/sign-in", after.Headers.Location?.AbsolutePath ?? after.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
