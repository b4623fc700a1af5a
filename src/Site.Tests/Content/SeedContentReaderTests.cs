using VillageCraftPortal.Site.Tests.Builders;
using VillageCraftPortal.Web.Content.Html;
using VillageCraftPortal.Web.Content.Import;
using VillageCraftPortal.Web.Content.Values;
using VillageCraftPortal.Web.Media;
using VillageCraftPortal.Web.Media.Upload;

namespace VillageCraftPortal.Site.Tests.Content;

/// <summary>Reading umbraco-content: every malformed file is reported with its file, line and reason.</summary>
public sealed class SeedContentReaderTests
{
    private static SeedContentReader Reader() =>
        new(new ContentHtml(), new ImageValidator(Microsoft.Extensions.Options.Options.Create(new MediaOptions())));

    private static async Task<IReadOnlyList<ImportError>> ErrorsAsync(SeedFolderBuilder folder)
    {
        var (content, errors) = await Reader().ReadAsync(folder.Root, CancellationToken.None);
        Assert.Null(content);
        return errors;
    }

    [Fact]
    public async Task A_valid_folder_reads_into_documents_media_and_blocks()
    {
        using var folder = SeedFolderBuilder.MinimalSite();

        var (content, errors) = await Reader().ReadAsync(folder.Root, CancellationToken.None);

        Assert.Empty(errors);
        Assert.Equal(["home", "village-bat-trang", "villages"], content!.Documents.Select(d => d.Alias).Order(StringComparer.Ordinal));
        var village = content.Documents.Single(d => d.Alias == "village-bat-trang");
        Assert.Contains("\"facts\"", village.Values.Get("body", "vi")!.ToJsonString(), StringComparison.Ordinal);
        Assert.Single(content.Media);
        Assert.Equal(64, content.Media[0].Image.Width);
    }

    [Fact]
    public async Task Broken_yaml_is_reported_with_the_files_line()
    {
        using var folder = SeedFolderBuilder.MinimalSite();
        folder.File("kim-lan/village.md", "---\ntype: village\nkey: village-kim-lan\nname: { vi: [unclosed\n---\n");

        var error = Assert.Single(await ErrorsAsync(folder));

        Assert.Equal("kim-lan/village.md", error.File);
        Assert.InRange(error.Line, 4, 5);
        Assert.Contains("invalid YAML", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_property_points_at_its_line()
    {
        using var folder = SeedFolderBuilder.MinimalSite();
        folder.File("site/about.md", "---\ntype: page\nkey: about\nparent: home\nslug: about\nname: About\ncolour: red\n---\n");

        var error = Assert.Single(await ErrorsAsync(folder));

        Assert.Equal(new ImportError("site/about.md", 7, "'colour' is not a property of page"), error);
    }

    [Fact]
    public async Task Text_before_a_culture_marker_is_refused()
    {
        using var folder = SeedFolderBuilder.MinimalSite();
        folder.File("site/about.md", "---\ntype: page\nkey: about\nparent: home\nslug: about\nname: About\n---\nStray text\n");

        var error = Assert.Single(await ErrorsAsync(folder));

        Assert.Equal(8, error.Line);
    }

    [Fact]
    public async Task An_unknown_block_and_a_bad_fact_line_are_both_reported()
    {
        using var folder = SeedFolderBuilder.MinimalSite();
        folder.File("site/about.md", "---\ntype: page\nkey: about\nparent: home\nslug: about\nname: About\n---\n<!-- culture: vi -->\n<!-- block: carousel -->\n");
        folder.File("site/faq.md", "---\ntype: page\nkey: faq\nparent: home\nslug: faq\nname: FAQ\n---\n<!-- culture: vi -->\n<!-- block: facts -->\nnot a fact\n");

        var errors = await ErrorsAsync(folder);

        Assert.Contains(errors, e => e is { File: "site/about.md", Line: 9 } && e.Reason.Contains("carousel", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { File: "site/faq.md", Line: 10 });
    }

    [Fact]
    public async Task A_missing_image_reference_is_refused()
    {
        using var folder = SeedFolderBuilder.MinimalSite();
        folder.File("site/about.md", "---\ntype: page\nkey: about\nparent: home\nslug: about\nname: About\nheroImage: nowhere\n---\n");

        var error = Assert.Single(await ErrorsAsync(folder));

        Assert.Equal(7, error.Line);
        Assert.Contains("nowhere", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_without_alt_text_is_refused()
    {
        using var folder = SeedFolderBuilder.MinimalSite();
        folder.Image("site/media/extra.jpg", "x", "y");
        File.Delete(Path.Combine(folder.Root, "site/media/extra.yml"));

        var error = Assert.Single(await ErrorsAsync(folder));

        Assert.Equal("site/media/extra.jpg", error.File);
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_by_its_content_not_its_name()
    {
        using var folder = SeedFolderBuilder.MinimalSite();
        folder.File("site/media/fake.jpg", "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>");
        folder.File("site/media/fake.yml", "alt: { vi: x }\n");

        var error = Assert.Single(await ErrorsAsync(folder));

        Assert.Equal("site/media/fake.jpg", error.File);
    }

    [Fact]
    public async Task Two_siblings_with_the_same_slug_are_refused()
    {
        using var folder = SeedFolderBuilder.MinimalSite();
        folder.File("kim-lan/village.md", "---\ntype: village\nkey: village-kim-lan\nparent: villages\nslug: bat-trang\nname: Kim Lan\ncrafts: [ceramics]\n---\n");

        var errors = await ErrorsAsync(folder);

        // The Vietnamese slug is also the English one when no English slug is given: both URLs clash.
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("kim-lan/village.md", e.File));
        Assert.Contains(errors, e => e.Reason.Contains("slug 'bat-trang' (vi)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_document_under_a_parent_that_cannot_hold_it_is_refused()
    {
        using var folder = SeedFolderBuilder.MinimalSite();
        folder.File("site/odd.md", "---\ntype: village\nkey: village-odd\nparent: home\nslug: odd\nname: Odd\ncrafts: [silk]\n---\n");

        var error = Assert.Single(await ErrorsAsync(folder));

        Assert.Contains("cannot be placed under a home", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordinates_outside_Vietnam_are_refused()
    {
        using var folder = SeedFolderBuilder.MinimalSite();
        folder.File("kim-lan/village.md", "---\ntype: village\nkey: village-kim-lan\nparent: villages\nslug: kim-lan\nname: Kim Lan\ncrafts: [ceramics]\nlocation: { lat: 48.85, lng: 2.35 }\n---\n");

        var error = Assert.Single(await ErrorsAsync(folder));

        Assert.Equal(8, error.Line);
    }

    [Fact]
    public async Task Markdown_scripts_are_sanitised_on_import()
    {
        using var folder = SeedFolderBuilder.MinimalSite();
        folder.File("site/about.md", "---\ntype: page\nkey: about\nparent: home\nslug: about\nname: About\n---\n<!-- culture: vi -->\nHello <script>alert(1)</script><img src=x onerror=alert(2)> [link](javascript:alert(3))\n");

        var (content, errors) = await Reader().ReadAsync(folder.Root, CancellationToken.None);

        Assert.Empty(errors);
        var html = content!.Documents.Single(d => d.Alias == "about").Values.Get("body", "vi")!.ToJsonString();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Opening_hours_are_read_from_their_text_form()
    {
        using var folder = SeedFolderBuilder.MinimalSite();
        folder.File("bat-trang/centre.md", """
            ---
            type: designCentre
            key: centre-bat-trang
            parent: village-bat-trang
            slug: trung-tam
            name: Trung tâm
            recognitionYear: 2023
            starRating: 4
            openingHours:
              weekly:
                mon: "08:00-11:30, 13:30-17:00"
                sun: closed
              exceptions:
                - from: 2027-02-05
                  to: 2027-02-10
                  closed: true
                  reason: { vi: Nghỉ Tết, en: Closed for Tết }
            ---
            """);

        var (content, errors) = await Reader().ReadAsync(folder.Root, CancellationToken.None);

        Assert.Empty(errors);
        var json = content!.Documents.Single(d => d.Alias == "centre-bat-trang").Values.Get("openingHours")!;
        var hours = System.Text.Json.JsonSerializer.Deserialize<OpeningHours>(json, VillageCraftPortal.Web.Content.ContentJson.Options)!;
        Assert.Equal(2, hours.Weekly["mon"].Count);
        Assert.Empty(hours.Weekly["sun"]);
        Assert.True(Assert.Single(hours.Exceptions).Closed);
    }

    [Fact]
    public async Task Malformed_opening_hours_point_at_their_line()
    {
        using var folder = SeedFolderBuilder.MinimalSite();
        folder.File("bat-trang/centre.md", "---\ntype: designCentre\nkey: centre-bat-trang\nparent: village-bat-trang\nslug: trung-tam\nname: T\nrecognitionYear: 2023\nstarRating: 4\nopeningHours:\n  weekly:\n    mon: \"17:00-08:00\"\n---\n");

        var error = Assert.Single(await ErrorsAsync(folder));

        Assert.Equal(11, error.Line);
    }
}
