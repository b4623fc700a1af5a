using System.Net;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Site.Tests.Backoffice;

/// <summary>
/// Old addresses keep working: a slug changed or a page moved leaves a 301 from every old URL, per culture, its
/// children's too; administrators add manual redirects (never a loop), served before a 404.
/// </summary>
public abstract class RedirectTests(BackofficeSite site)
{
    [Fact]
    public async Task Changing_an_experiences_slugs_redirects_its_old_address_in_each_culture()
    {
        var admin = await site.SignInAsync(BackofficeSite.Admin);
        var id = await site.DocumentIdAsync("experience-bat-trang-walk");
        var (oldVi, oldEn) = (await site.PublicUrlAsync(id, "vi"), await site.PublicUrlAsync(id, "en"));

        using var published = await admin.SubmitAsync($"/backoffice/content/{id}", "form[data-edit-form]",
            new() { ["f.slug.vi"] = "dao-lang-co", ["f.slug.en"] = "village-walk" }, "Publish");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal("/vi/lang-nghe/bat-trang/dao-lang-co", await site.PublicUrlAsync(id, "vi"));
        Assert.Equal("/en/villages/bat-trang/village-walk", await site.PublicUrlAsync(id, "en"));
        await AssertMovedAsync(oldVi, "/vi/lang-nghe/bat-trang/dao-lang-co");
        await AssertMovedAsync(oldEn, "/en/villages/bat-trang/village-walk");
        await AssertServedAsync("/vi/lang-nghe/bat-trang/dao-lang-co");
    }

    [Fact]
    public async Task Moving_a_village_to_a_new_slug_redirects_the_old_addresses_of_its_pages_too()
    {
        var admin = await site.SignInAsync(BackofficeSite.Admin);
        var village = await site.DocumentIdAsync("village-van-phuc");
        var children = new[] { village, await site.DocumentIdAsync("centre-van-phuc"), await site.DocumentIdAsync("experience-van-phuc-walk") };
        var before = new List<(int Id, string Culture, string Url)>();
        foreach (var child in children)
        {
            before.AddRange([(child, "vi", await site.PublicUrlAsync(child, "vi")), (child, "en", await site.PublicUrlAsync(child, "en"))]);
        }

        using var published = await admin.SubmitAsync($"/backoffice/content/{village}", "form[data-edit-form]", new() { ["f.slug.vi"] = "lang-lua-van-phuc" }, "Publish");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        foreach (var (child, culture, oldUrl) in before)
        {
            var now = await site.PublicUrlAsync(child, culture);
            Assert.Contains("/lang-lua-van-phuc", now, StringComparison.Ordinal);
            await AssertMovedAsync(oldUrl, now);
        }
    }

    [Fact]
    public async Task An_administrators_redirect_is_served_where_there_would_be_a_404()
    {
        var admin = await site.SignInAsync(BackofficeSite.Admin);
        var articles = await site.PublicUrlAsync(await site.DocumentIdAsync("news"), "vi");
        using var missing = await site.Anonymous.GetAsync(new Uri("/vi/ban-tin-cu", UriKind.Relative));

        using var added = await admin.SubmitAsync("/backoffice/redirects", "main form.bo-form", new() { ["From"] = "/vi/ban-tin-cu", ["To"] = articles });

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        await site.WaitForPublishedSnapshotAsync();
        await AssertMovedAsync("/vi/ban-tin-cu", articles);
    }

    [Fact]
    public async Task A_redirect_that_would_close_a_loop_is_refused_with_a_message()
    {
        var admin = await site.SignInAsync(BackofficeSite.Admin);
        using var ab = await AddAsync(admin, "/vi/vong-a", "/vi/vong-b");
        var rules = await site.QueryAsync(db => db.Redirects.CountAsync());

        using var ba = await AddAsync(admin, "/vi/vong-b", "/vi/vong-a");
        using var bc = await AddAsync(admin, "/vi/vong-b", "/vi/vong-c");
        using var ca = await AddAsync(admin, "/vi/vong-c", "/vi/vong-a");

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (ab.StatusCode, bc.StatusCode));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity), (ba.StatusCode, ca.StatusCode));
        var message = new UiTexts().Get(Cultures.Vietnamese, "bo.redirects.status.Loop");
        Assert.NotEqual("bo.redirects.status.Loop", message);
        Assert.Equal(message, Html.Parse(await ba.Content.ReadAsStringAsync()).QuerySelector("main [role=alert]")?.TextContent.Trim());
        Assert.Equal(rules + 1, await site.QueryAsync(db => db.Redirects.CountAsync()));
    }

    private static Task<HttpResponseMessage> AddAsync(StaffClient admin, string from, string to) =>
        admin.SubmitAsync("/backoffice/redirects", "main form.bo-form", new() { ["From"] = from, ["To"] = to });

    private async Task AssertMovedAsync(string oldUrl, string newUrl)
    {
        using var response = await site.Anonymous.GetAsync(new Uri(oldUrl, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.MovedPermanently, $"{oldUrl} answered {(int)response.StatusCode}, not 301.");
        Assert.Equal(newUrl, response.Headers.Location?.OriginalString);
    }

    private async Task AssertServedAsync(string url)
    {
        using var response = await site.Anonymous.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class RedirectTestsOnSqlite(SqliteBackofficeSite site) : RedirectTests(site), IClassFixture<SqliteBackofficeSite>;

public sealed class RedirectTestsOnPostgres(PostgresBackofficeSite site) : RedirectTests(site), IClassFixture<PostgresBackofficeSite>;
