using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Site.Tests.Builders;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Editing;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Content.Storage;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Site.Tests.Content;

/// <summary>Drafts, publishing and its expected failures (results, not exceptions), on each database.</summary>
public abstract class PublishingServiceTests(DatabaseKind kind) : IAsyncLifetime
{
    private ServiceHarness _services = null!;
    private ContentTreeBuilder _tree = null!;

    public async Task InitializeAsync()
    {
        _services = await ServiceHarness.CreateAsync(kind);
        _tree = new ContentTreeBuilder(_services.Services);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private Task<PublishedSnapshot> SnapshotAsync() =>
        _services.InScopeAsync(sp => sp.GetRequiredService<SnapshotBuilder>().BuildAsync(CancellationToken.None));

    [Fact]
    public async Task Saving_a_draft_never_changes_what_is_published()
    {
        var (_, villages) = await _tree.SiteAsync();
        var id = await _tree.CreatePublishedAsync(DocumentTypes.Village, villages, ContentTreeBuilder.VillageValues("Bát Tràng", "bat-trang"));

        var saved = await _tree.SaveAsync(id, ContentTreeBuilder.VillageValues("Bát Tràng (nháp)", "bat-trang"), expectedVersion: 1);

        Assert.Equal(ContentOperationStatus.Success, saved.Status);
        var snapshot = await SnapshotAsync();
        Assert.Equal("Bát Tràng", snapshot.ById(id)!.Name("vi").Value);
    }

    [Fact]
    public async Task Publishing_makes_the_newest_version_public_and_writes_an_outbox_event()
    {
        var (_, villages) = await _tree.SiteAsync();
        var id = await _tree.CreatePublishedAsync(DocumentTypes.Village, villages, ContentTreeBuilder.VillageValues("Bát Tràng", "bat-trang"));
        await _tree.SaveAsync(id, ContentTreeBuilder.VillageValues("Làng gốm Bát Tràng", "bat-trang"), 1);

        var published = await _tree.PublishAsync(id);

        Assert.Equal(ContentOperationStatus.Success, published.Status);
        var snapshot = await SnapshotAsync();
        Assert.Equal("Làng gốm Bát Tràng", snapshot.ById(id)!.Name("vi").Value);
        Assert.Equal("/vi/lang-nghe/bat-trang", snapshot.ById(id)!.Url("vi"));
        Assert.Equal("/en/villages/bat-trang", snapshot.ById(id)!.Url("en"));
        await _services.InScopeAsync(async sp =>
            Assert.Equal(4, await sp.GetRequiredService<AppDbContext>().ContentEvents.CountAsync(e => e.Kind == ContentEventKind.Published)));
    }

    [Fact]
    public async Task Publishing_an_unchanged_document_reports_no_changes()
    {
        var (home, _) = await _tree.SiteAsync();

        var again = await _tree.PublishAsync(home);

        Assert.Equal(ContentOperationStatus.NoChanges, again.Status);
    }

    [Fact]
    public async Task A_child_cannot_be_published_before_its_parent()
    {
        var home = await _tree.CreatePublishedAsync(DocumentTypes.Home, null, ContentTreeBuilder.Values("Trang chủ", "home"));
        var index = await _tree.CreateAsync(DocumentTypes.VillageIndex, home, ContentTreeBuilder.Values("Làng nghề", "lang-nghe"));
        var village = await _tree.CreateAsync(DocumentTypes.Village, index.Document!.Id, ContentTreeBuilder.VillageValues("Bát Tràng", "bat-trang"));

        var result = await _tree.PublishAsync(village.Document!.Id);

        Assert.Equal(ContentOperationStatus.ParentNotPublished, result.Status);
    }

    [Fact]
    public async Task A_sibling_slug_already_in_use_is_refused_per_culture()
    {
        var (_, villages) = await _tree.SiteAsync();
        await _tree.CreatePublishedAsync(DocumentTypes.Village, villages, ContentTreeBuilder.VillageValues("Bát Tràng", "bat-trang"));

        var clash = await _tree.CreateAsync(DocumentTypes.Village, villages, ContentTreeBuilder.VillageValues("Bát Tràng 2", "bat-trang"));

        Assert.Equal(ContentOperationStatus.SlugConflict, clash.Status);
        var problem = Assert.Single(clash.Problems!);
        Assert.Equal(("slug", "vi", "validation.slugTaken"), (problem.Property, problem.Culture, problem.MessageKey));
    }

    [Fact]
    public async Task The_same_slug_is_fine_under_different_parents_and_in_another_culture()
    {
        var (home, villages) = await _tree.SiteAsync();
        await _tree.CreatePublishedAsync(DocumentTypes.Village, villages, ContentTreeBuilder.VillageValues("Bát Tràng", "bat-trang"));

        var otherParent = await _tree.CreateAsync(DocumentTypes.Page, home, ContentTreeBuilder.Values("Bát Tràng", "bat-trang"));
        var otherCulture = await _tree.CreateAsync(DocumentTypes.Village, villages,
            ContentTreeBuilder.VillageValues("Kim Lan", "kim-lan").Set("slug", "en", "bat-trang-2"));

        Assert.Equal(ContentOperationStatus.Success, otherParent.Status);
        Assert.Equal(ContentOperationStatus.Success, otherCulture.Status);
    }

    [Fact]
    public async Task Invalid_values_are_refused_with_localisable_reasons()
    {
        var (_, villages) = await _tree.SiteAsync();
        var values = new ContentValues()
            .Set("slug", "vi", "Not A Slug")
            .Set("crafts", Cultures.Invariant, new[] { "plastic" })
            .Set("colour", Cultures.Invariant, "red");

        var result = await _tree.CreateAsync(DocumentTypes.Village, villages, values);

        Assert.Equal(ContentOperationStatus.ValidationFailed, result.Status);
        var keys = result.Problems!.Select(p => (p.Property, p.MessageKey)).ToList();
        Assert.Contains(("name", "validation.required"), keys);
        Assert.Contains(("slug", "validation.slug"), keys);
        Assert.Contains(("crafts", "validation.choice"), keys);
        Assert.Contains(("colour", "validation.unknownProperty"), keys);
    }

    [Fact]
    public async Task A_save_from_a_stale_version_is_refused_and_loses_nothing()
    {
        var (_, villages) = await _tree.SiteAsync();
        var id = await _tree.CreatePublishedAsync(DocumentTypes.Village, villages, ContentTreeBuilder.VillageValues("Bát Tràng", "bat-trang"));
        var first = await _tree.SaveAsync(id, ContentTreeBuilder.VillageValues("Sửa lần một", "bat-trang"), expectedVersion: 1);

        var second = await _tree.SaveAsync(id, ContentTreeBuilder.VillageValues("Sửa lần hai", "bat-trang"), expectedVersion: 1);

        Assert.Equal(ContentOperationStatus.Success, first.Status);
        Assert.Equal(ContentOperationStatus.ConcurrencyConflict, second.Status);
        await _services.InScopeAsync(async sp =>
        {
            var versions = await sp.GetRequiredService<AppDbContext>().DocumentVersions.Where(v => v.DocumentId == id).OrderBy(v => v.Number).ToListAsync();
            Assert.Equal(2, versions.Count);
            Assert.Equal("Sửa lần một", ContentValues.Parse(versions[1].Values).GetString("name", "vi"));
        });
    }

    [Fact]
    public async Task Unpublishing_removes_the_page_and_its_children_from_the_public_snapshot()
    {
        var (_, villages) = await _tree.SiteAsync();
        var village = await _tree.CreatePublishedAsync(DocumentTypes.Village, villages, ContentTreeBuilder.VillageValues("Bát Tràng", "bat-trang"));
        var centre = await _tree.CreatePublishedAsync(DocumentTypes.DesignCentre, village,
            ContentTreeBuilder.Values("Trung tâm", "trung-tam").Set("recognitionYear", Cultures.Invariant, 2023).Set("starRating", Cultures.Invariant, 4));

        var result = await _services.InScopeAsync(sp => sp.GetRequiredService<PublishingService>().UnpublishAsync(village, "editor"));

        Assert.Equal(ContentOperationStatus.Success, result.Status);
        var snapshot = await SnapshotAsync();
        Assert.Null(snapshot.ById(village));
        Assert.Null(snapshot.ById(centre));
        Assert.Null(snapshot.ByPath("vi", "/vi/lang-nghe/bat-trang/trung-tam"));
    }

    [Fact]
    public async Task Missing_documents_give_a_result_not_an_exception()
    {
        Assert.Equal(ContentOperationStatus.NotFound, (await _tree.PublishAsync(987654)).Status);
        Assert.Equal(ContentOperationStatus.NotFound, (await _tree.SaveAsync(987654, ContentTreeBuilder.Values("x", "x"), 1)).Status);
        Assert.Equal(ContentOperationStatus.ParentNotFound, (await _tree.CreateAsync(DocumentTypes.Page, 987654, ContentTreeBuilder.Values("x", "x"))).Status);
    }
}

public sealed class PublishingServiceTestsOnSqlite() : PublishingServiceTests(DatabaseKind.Sqlite);

public sealed class PublishingServiceTestsOnPostgres() : PublishingServiceTests(DatabaseKind.Postgres);
