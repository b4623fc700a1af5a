using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VillageCraftPortal.Site.Tests.Infrastructure;
using static VillageCraftPortal.Site.Tests.E2E.Backoffice.XssVectors;

namespace VillageCraftPortal.Site.Tests.E2E.Backoffice;

/// <summary>
/// Script written into any field of the editor (rich text, captions, quotes, facts, names and summaries) is stored
/// and shown as harmless markup or text: it never runs on the public page, the preview or the backoffice.
/// </summary>
[Collection(BackofficeBrowserGroup.Name)]
public sealed class XssTests(BackofficeBrowserSite site) : IClassFixture<BackofficeBrowserSite>
{
    private const string CentreVi = "/vi/lang-nghe/bat-trang/trung-tam-thiet-ke-sang-tao";
    private const string CentreEn = "/en/villages/bat-trang/design-centre";
    private const string Content = ".page-header, .blocks";
    private const string EditForm = "form[data-edit-form]";

    private static readonly string NameVi = "Trung tâm " + All[19] + All[48];
    private static readonly string NameEn = "Centre " + All[48] + All[1];
    private static readonly string SummaryVi = All[1] + All[2] + All[16] + All[20];
    private static readonly string SummaryEn = All[49] + All[25] + All[21];

    [Fact]
    public void Every_vector_names_its_own_number()
    {
        Assert.True(All.Count >= 30, $"only {All.Count} vectors");
        for (var i = 0; i < All.Count; i++)
        {
            Assert.Matches($"(?<![0-9]){i + 1}(?![0-9])", WebUtility.HtmlDecode(All[i]));
        }
    }

    [Fact]
    public async Task The_probe_reports_script_that_got_through()
    {
        var probe = await XssProbe.WatchAsync(await site.NewPageAsync(new() { BypassCSP = true }));
        await probe.Page.RouteAsync("**/injected", route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = $"<!DOCTYPE html><html lang=en><head><title>t</title></head><body><div class=blocks>{All[1]}{All[3]}{All[51]}<svg></svg></div></body></html>",
        }));

        var problems = await probe.VisitAsync(site.Url("/injected"), Content);

        Assert.Contains(problems, p => p.Contains("a dialog opened: alert('2')", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("window.__xss = 52", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("event handler onerror", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("href=\"javascript:alert(4)\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("<svg> in the content", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Script_in_any_field_never_runs_on_the_public_page_the_preview_or_the_backoffice()
    {
        var id = await site.DocumentIdAsync("centre-bat-trang");
        var craft = await site.QueryAsync(db => db.MediaItems.Where(m => m.Alias == "bat-trang-craft").Select(m => m.Key).SingleAsync());
        var admin = await site.SignInAsync(BackofficeSite.Admin);

        // The real edit form, with every vector in every kind of field, saved and published in one go.
        using var published = await admin.SubmitAsync($"/backoffice/content/{id}", EditForm, InjectedFields(craft), "Publish");
        Assert.True(published.StatusCode == HttpStatusCode.Redirect, $"Publishing answered {(int)published.StatusCode}: {await StaffClient.BodyStartAsync(published)}");
        var document = await site.QueryAsync(db => db.Documents.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal(document.LatestVersion, document.PublishedVersion);
        await site.WaitForPublishedSnapshotAsync();

        var problems = new List<string>();
        var visitor = await XssProbe.WatchAsync(await site.NewPageAsync(new() { BypassCSP = true }));
        foreach (var (path, culture) in new[] { (CentreVi, "vi"), (CentreEn, "en") })
        {
            problems.AddRange(await visitor.VisitAsync(site.Url(path), Content));
            problems.AddRange(await MissingAsync(visitor, culture));
            using var preview = await admin.GetAsync($"/backoffice/content/{id}/preview?culture={culture}");
            problems.AddRange(await visitor.VisitAsync(site.Url(preview.Headers.Location!.OriginalString), Content));
            problems.AddRange(await MissingAsync(visitor, culture));
        }

        var backoffice = await XssProbe.WatchAsync(await site.NewPageAsAsync(BackofficeSite.Admin, new() { BypassCSP = true }));
        foreach (var path in new[] { "/backoffice", "/backoffice/content", $"/backoffice/content/{id}", $"/backoffice/content/{id}/history" })
        {
            problems.AddRange(await backoffice.VisitAsync(site.Url(path)));
        }

        Assert.Contains(XssProbe.Squash(NameVi), await XssProbe.TextOfAsync(backoffice.Page.GetByRole(AriaRole.Main)), StringComparison.Ordinal);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("f.body.en.1.href", "javascript:alert(1)", true)]
    [InlineData("f.body.en.1.href", "JaVaScRiPt:alert(1)", true)]
    [InlineData("f.body.en.1.href", " data:text/html,<script>alert(1)</script>", true)]
    [InlineData("f.body.en.1.href", "/en/villages", false)]
    [InlineData("f.website.inv", "javascript:alert(1)", true)]
    [InlineData("f.facebook.inv", "java\tscript:alert(1)", true)]
    [InlineData("f.website.inv", "https://battrang.example/", false)]
    [InlineData("f.sources.inv.0.url", "javascript:alert(1)", true)]
    [InlineData("f.sources.inv.0.url", "vbscript:alert(1)", true)]
    public async Task A_link_that_would_run_script_is_refused_and_a_web_link_is_kept(string field, string url, bool refused)
    {
        var id = await site.DocumentIdAsync("centre-bat-trang");
        var admin = await site.SignInAsync(BackofficeSite.Admin);
        var before = await site.QueryAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.LatestVersion).SingleAsync());
        var fields = new Dictionary<string, string> { [field] = url };
        if (field.StartsWith("f.body.en.1.", StringComparison.Ordinal))
        {
            new BlockList(fields, "en", 1).Add("cta", ("href", url), ("label", "Book a visit"));
        }

        using var saved = await admin.SubmitAsync($"/backoffice/content/{id}", EditForm, fields, "Save");

        var after = await site.QueryAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.LatestVersion).SingleAsync());
        Assert.Equal(refused ? HttpStatusCode.UnprocessableEntity : HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(refused ? before : before + 1, after);
    }

    /// <summary>
    /// After the existing text blocks: in Vietnamese a rich-text block and a quote per vector; in English a captioned
    /// picture per vector, facts, a call to action and a video. Names and summaries carry vectors as plain text.
    /// </summary>
    private static Dictionary<string, string> InjectedFields(Guid picture)
    {
        var fields = new Dictionary<string, string>
        {
            ["f.name.vi"] = NameVi,
            ["f.name.en"] = NameEn,
            ["f.summary.vi"] = SummaryVi,
            ["f.summary.en"] = SummaryEn,
        };
        var vi = new BlockList(fields, "vi", 1);
        var en = new BlockList(fields, "en", 1);
        for (var i = 0; i < All.Count; i++)
        {
            vi.Add("richText", ("html", $"<p>{Marker(i)}-R</p>{All[i]}"));
            vi.Add("quote", ("html", $"<p>{Marker(i)}-Q</p>{All[i]}"), ("cite", All[i]));
            en.Add("image", ("media", picture.ToString()), ("caption", $"{Marker(i)}-C {All[i]}"));
        }

        en.Add("facts", ("facts", string.Join('\n', All.Select((vector, i) => $"{Marker(i)}-F: {vector}"))));
        en.Add("cta", ("href", "/en/villages"), ("label", All[19]));
        en.Add("video", ("provider", "youtube"), ("id", "aqz-KE-bpKQ"), ("title", All[19] + All[0]));
        return fields;
    }

    /// <summary>What each vector should have left on the page: its marker, or its own text where the field is plain text.</summary>
    private static async Task<IEnumerable<string>> MissingAsync(XssProbe page, string culture)
    {
        var main = await XssProbe.TextOfAsync(page.Page.GetByRole(AriaRole.Main));
        var heading = await XssProbe.TextOfAsync(page.Page.GetByRole(AriaRole.Heading, new() { Level = 1 }));
        var expected = culture == "vi"
            ? All.SelectMany((vector, i) => new[] { $"{Marker(i)}-R", $"{Marker(i)}-Q", $"— {vector}" })
            : All.SelectMany((vector, i) => new[] { $"{Marker(i)}-C", $"{Marker(i)}-F", vector }).Append(All[19]);
        var missing = expected.Where(text => !main.Contains(XssProbe.Squash(text), StringComparison.Ordinal))
            .Select(text => $"{new Uri(page.Page.Url).AbsolutePath}: '{text}' is not on the page").ToList();
        var name = culture == "vi" ? NameVi : NameEn;
        if (heading != XssProbe.Squash(name))
        {
            missing.Add($"{new Uri(page.Page.Url).AbsolutePath}: the heading reads '{heading}', not the name as text");
        }

        return missing;
    }

    /// <summary>Block fields as the block editor posts them, appended after the blocks already there.</summary>
    private sealed class BlockList(Dictionary<string, string> fields, string culture, int existing)
    {
        private int _count = existing;

        public void Add(string type, params (string Part, string Value)[] parts)
        {
            var prefix = $"f.body.{culture}.{_count}.";
            fields[prefix + "type"] = type;
            fields[prefix + "order"] = $"{_count}";
            foreach (var (part, value) in parts)
            {
                fields[prefix + part] = value;
            }

            fields[$"f.body.{culture}.count"] = $"{++_count}";
        }
    }
}
