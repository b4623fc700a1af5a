using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Site.Tests.Builders;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Content.Types;

namespace VillageCraftPortal.Site.Tests.Features;

/// <summary>
/// A site whose content each test arranges itself (no seed import): culture fallback marking, the snapshot swap on
/// publish, and the friendly 500 page, on each database.
/// </summary>
public abstract class PublishedSiteTests(DatabaseKind kind) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private SiteFactory _factory = null!;
    private HttpClient _client = null!;
    private ContentTreeBuilder _tree = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(kind);
        _factory = new SiteFactory(
            _database,
            new Dictionary<string, string?> { ["Database:ImportContentOnStartup"] = "false" },
            configureServices: s => s.AddSingleton<IStartupFilter, ThrowingPathFilter>());
        _client = await _factory.CreateReadyClientAsync();
        _tree = new ContentTreeBuilder(_factory.Services);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task PublishedAsync()
    {
        var accessor = _factory.Services.GetRequiredService<PublishedSnapshotAccessor>();
        var scopes = _factory.Services.GetRequiredService<IServiceScopeFactory>();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VillageCraftPortal.Web.Infrastructure.Database.AppDbContext>();
        var newest = db.ContentEvents.Max(e => (long?)e.Id) ?? 0;
        await accessor.WaitForVersionAsync(newest, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Missing_English_falls_back_to_Vietnamese_marked_lang_vi()
    {
        var (_, villages) = await _tree.SiteAsync();
        await _tree.CreatePublishedAsync(DocumentTypes.Village, villages,
            ContentTreeBuilder.VillageValues("Làng gốm Bát Tràng", "bat-trang").Set("summary", "vi", "Chỉ có tiếng Việt"));
        await PublishedAsync();

        var page = await _client.GetDocumentAsync("/en/villages/bat-trang");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        var heading = page.QuerySelector("h1")!;
        Assert.Equal("Làng gốm Bát Tràng", heading.TextContent);
        Assert.Equal("vi", heading.GetAttribute("lang"));
        Assert.Equal("vi", page.QuerySelector("main .lead")!.GetAttribute("lang"));
        Assert.Equal("Villages", page.QuerySelector(".breadcrumbs a[href='/en/villages']")!.TextContent);
    }

    [Fact]
    public async Task Publishing_swaps_the_live_snapshot_and_the_cached_page()
    {
        var (_, villages) = await _tree.SiteAsync();
        var id = await _tree.CreatePublishedAsync(DocumentTypes.Village, villages, ContentTreeBuilder.VillageValues("Bát Tràng", "bat-trang"));
        await PublishedAsync();
        var before = await _client.GetDocumentAsync("/vi/lang-nghe/bat-trang");

        await _tree.SaveAsync(id, ContentTreeBuilder.VillageValues("Làng gốm Bát Tràng", "bat-trang"), 1);
        var unpublishedView = await _client.GetDocumentAsync("/vi/lang-nghe/bat-trang");
        await _tree.PublishAsync(id);
        await PublishedAsync();
        var after = await _client.GetDocumentAsync("/vi/lang-nghe/bat-trang");

        Assert.Equal("Bát Tràng", before.QuerySelector("h1")!.TextContent);
        Assert.Equal("Bát Tràng", unpublishedView.QuerySelector("h1")!.TextContent);
        Assert.Equal("Làng gốm Bát Tràng", after.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_renamed_slug_serves_the_new_address()
    {
        var (_, villages) = await _tree.SiteAsync();
        var id = await _tree.CreatePublishedAsync(DocumentTypes.Village, villages, ContentTreeBuilder.VillageValues("Bát Tràng", "bat-trang"));
        await _tree.SaveAsync(id, ContentTreeBuilder.VillageValues("Bát Tràng", "gom-bat-trang"), 1);
        await _tree.PublishAsync(id);
        await PublishedAsync();

        using var response = await _client.GetAsync(new Uri("/vi/lang-nghe/gom-bat-trang", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/vi/__test/throw", "vi", "Đã có lỗi xảy ra")]
    [InlineData("/en/__test/throw", "en", "Something went wrong")]
    public async Task A_server_error_shows_a_friendly_localised_page_with_status_500(string path, string culture, string heading)
    {
        await _tree.SiteAsync();
        await PublishedAsync();

        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        var page = Html.Parse(body);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    /// <summary>Adds a path that throws, behind the site's own error handling.</summary>
    private sealed class ThrowingPathFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context =>
            {
                if (context.Request.Path.Value?.EndsWith("/__test/throw", StringComparison.Ordinal) == true)
                {
                    throw new InvalidOperationException("A deliberate test failure.");
                }

                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        };
    }
}

public sealed class PublishedSiteTestsOnSqlite() : PublishedSiteTests(DatabaseKind.Sqlite);

public sealed class PublishedSiteTestsOnPostgres() : PublishedSiteTests(DatabaseKind.Postgres);
