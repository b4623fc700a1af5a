using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Site.Tests.Builders;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Editing;
using VillageCraftPortal.Web.Content.Import;
using VillageCraftPortal.Web.Infrastructure;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Site.Tests.Content;

/// <summary>The import is idempotent and all-or-nothing, on each database.</summary>
public abstract class ContentImporterTests(DatabaseKind kind) : IAsyncLifetime
{
    private ServiceHarness _services = null!;

    public async Task InitializeAsync() => _services = await ServiceHarness.CreateAsync(kind);

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private Task<ImportResult> ImportAsync(SeedFolderBuilder folder, bool force = false) =>
        _services.InScopeAsync(sp => sp.GetRequiredService<ContentImporter>().ImportAsync(folder.Root, force));

    private Task<(int Documents, int Versions, int Media, int Runs)> CountAsync() =>
        _services.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (await db.Documents.CountAsync(), await db.DocumentVersions.CountAsync(), await db.MediaItems.CountAsync(), await db.ImportRuns.CountAsync());
        });

    private int StoredFiles() =>
        Directory.Exists(Path.Combine(_services.Database.DataDirectory, "media", "originals"))
            ? Directory.EnumerateFiles(Path.Combine(_services.Database.DataDirectory, "media", "originals"), "*", SearchOption.AllDirectories).Count()
            : 0;

    [Fact]
    public async Task Import_creates_and_publishes_every_document()
    {
        using var folder = SeedFolderBuilder.MinimalSite();

        var result = await ImportAsync(folder);

        Assert.Equal(ImportStatus.Imported, result.Status);
        Assert.Equal(3, result.Created);
        await _services.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            Assert.All(await db.Documents.ToListAsync(), d => Assert.Equal(d.LatestVersion, d.PublishedVersion));
            Assert.Equal(["bat-trang", "bat-trang"], await db.DocumentRoutes.Where(r => r.Slug == "bat-trang").Select(r => r.Slug).ToListAsync());
        });
        Assert.Equal(1, StoredFiles());
    }

    [Fact]
    public async Task A_second_run_changes_nothing()
    {
        using var folder = SeedFolderBuilder.MinimalSite();
        await ImportAsync(folder);
        var before = await CountAsync();

        var again = await ImportAsync(folder);

        Assert.Equal(ImportStatus.AlreadyImported, again.Status);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_forced_run_of_unchanged_files_adds_no_versions()
    {
        using var folder = SeedFolderBuilder.MinimalSite();
        await ImportAsync(folder);
        var before = await CountAsync();

        var forced = await ImportAsync(folder, force: true);

        Assert.Equal(ImportStatus.Imported, forced.Status);
        Assert.Equal(0, forced.Updated);
        Assert.Equal(0, forced.Created);
        var after = await CountAsync();
        Assert.Equal(before.Versions, after.Versions);
        Assert.Equal(before.Documents, after.Documents);
    }

    [Fact]
    public async Task A_forced_run_adds_a_published_version_only_where_a_file_changed()
    {
        using var folder = SeedFolderBuilder.MinimalSite();
        await ImportAsync(folder);
        var before = await CountAsync();
        folder.Village("bat-trang", "Làng gốm Bát Tràng (sửa)", "Bát Tràng", sort: 1);

        var forced = await ImportAsync(folder, force: true);

        Assert.Equal(1, forced.Updated);
        Assert.Equal(before.Versions + 1, (await CountAsync()).Versions);
        await _services.InScopeAsync(async sp =>
        {
            var village = await sp.GetRequiredService<AppDbContext>().Documents.SingleAsync(d => d.Alias == "village-bat-trang");
            Assert.Equal(2, village.PublishedVersion);
        });
    }

    [Fact]
    public async Task A_malformed_file_stops_the_import_and_nothing_is_written()
    {
        using var folder = SeedFolderBuilder.MinimalSite();
        folder.Village("kim-lan", "Làng gốm Kim Lan", null, sort: 2);
        folder.File("site/about.md", "---\ntype: page\nkey: about\nparent: home\nslug: about\n---\n");

        var result = await ImportAsync(folder);

        Assert.Equal(ImportStatus.Failed, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal("site/about.md", error.File);
        Assert.Contains("name", error.Reason, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), await CountAsync());
        Assert.Equal(0, StoredFiles());
    }

    [Fact]
    public async Task A_conflict_found_while_writing_rolls_everything_back()
    {
        using var folder = SeedFolderBuilder.MinimalSite();
        await ImportAsync(folder);
        // An editor created "kim-lan" by hand; the seed now brings its own "kim-lan" with another key.
        await _services.InScopeAsync(async sp =>
        {
            var villages = await sp.GetRequiredService<AppDbContext>().Documents.SingleAsync(d => d.Alias == "villages");
            var values = new ContentValues().Set("name", "vi", "Kim Lan").Set("slug", "vi", "kim-lan").Set("crafts", Cultures.Invariant, new[] { "ceramics" });
            var created = await sp.GetRequiredService<ContentService>().CreateAsync(new NewDocument("village", villages.Id, values), "editor");
            Assert.True(created.Succeeded);
        });
        var before = await CountAsync();
        folder.Village("kim-lan", "Làng gốm Kim Lan", null, sort: 2);
        folder.Village("bat-trang", "Bát Tràng đổi tên", null, sort: 1);

        var result = await ImportAsync(folder, force: true);

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Equal(before, await CountAsync());
        Assert.Equal(1, StoredFiles());
    }
}

public sealed class ContentImporterTestsOnSqlite() : ContentImporterTests(DatabaseKind.Sqlite);

public sealed class ContentImporterTestsOnPostgres() : ContentImporterTests(DatabaseKind.Postgres);
