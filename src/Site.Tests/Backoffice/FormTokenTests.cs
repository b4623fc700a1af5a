using System.Net;
using VillageCraftPortal.Site.Tests.Infrastructure;

namespace VillageCraftPortal.Site.Tests.Backoffice;

/// <summary>
/// The other half of antiforgery: every form that posts carries the token, or its button would only ever answer 400
/// (the layout's sign-out form once did). Every backoffice page an administrator can open is checked.
/// </summary>
public abstract class FormTokenTests(BackofficeSite site)
{
    [Fact]
    public async Task Every_form_that_posts_carries_an_antiforgery_token()
    {
        var admin = await site.SignInAsync(BackofficeSite.Admin);
        var values = await BackofficePages.RouteValuesAsync(site);
        var opened = new List<string>();
        var missing = new List<string>();

        foreach (var page in BackofficePages.All)
        {
            var path = BackofficePages.Fill(page.Route, values);
            using var response = await admin.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                // A step that needs a link or an upload first (reset password, two-factor, describe) or a redirect.
                continue;
            }

            opened.Add(page.Route);
            var document = Html.Parse(await response.Content.ReadAsStringAsync());
            foreach (var form in document.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
            {
                if (form.QuerySelector($"input[name='{StaffClient.AntiforgeryField}']")?.GetAttribute("value") is not { Length: > 0 })
                {
                    missing.Add($"{path}: <form{string.Concat(form.Attributes.Select(a => $" {a.Name}=\"{a.Value}\""))}>");
                }
            }
        }

        Assert.Empty(missing);
        Assert.Subset(opened.ToHashSet(), new HashSet<string>
        {
            "/backoffice", "/backoffice/content/{id:int}", "/backoffice/content/{id:int}/history", "/backoffice/content/{id:int}/schedule",
            "/backoffice/media/{key:guid}", "/backoffice/profile", "/backoffice/redirects", "/backoffice/users/edit",
        });
    }

    [Fact]
    public async Task Signing_out_with_the_layouts_button_ends_the_session()
    {
        using var editor = site.NewClient();
        await editor.SignInAsync(BackofficeSite.BatTrangEditor, BackofficeSite.Password);

        using var signedOut = await editor.SubmitAsync("/backoffice", "form[action='/backoffice/sign-out']", []);
        using var backoffice = await editor.GetAsync("/backoffice");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, backoffice.StatusCode);
        Assert.Equal("/backoffice/sign-in", new Uri(new Uri(SiteFactory.BaseUrl), backoffice.Headers.Location!).AbsolutePath);
    }
}

public sealed class FormTokenTestsOnSqlite(SqliteBackofficeSite site) : FormTokenTests(site), IClassFixture<SqliteBackofficeSite>;

public sealed class FormTokenTestsOnPostgres(PostgresBackofficeSite site) : FormTokenTests(site), IClassFixture<PostgresBackofficeSite>;
