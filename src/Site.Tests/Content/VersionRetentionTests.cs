using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VillageCraftPortal.Site.Tests.Builders;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Content.Versions;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Infrastructure.Startup;

namespace VillageCraftPortal.Site.Tests.Content;

/// <summary>
/// The clean-up policy: every version of the last 30 days, then the newest of each Hà Nội day; the newest, the
/// published and pinned versions always stay.
/// </summary>
public abstract class VersionRetentionTests(DatabaseKind kind) : IAsyncLifetime
{
    /// <summary>23:10 in Hà Nội on 1 September, still the same day in UTC an hour later.</summary>
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 16, 10, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private ServiceHarness _services = null!;
    private ContentTreeBuilder _tree = null!;

    public async Task InitializeAsync()
    {
        _services = await ServiceHarness.CreateAsync(kind, _clock);
        _tree = new ContentTreeBuilder(_services.Services);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Old_versions_thin_to_one_per_Hanoi_day_keeping_published_pinned_newest_and_recent()
    {
        var (_, villages) = await _tree.SiteAsync();
        var id = await _tree.CreatePublishedAsync(DocumentTypes.Village, villages, ContentTreeBuilder.VillageValues("Bát Tràng 1", "bat-trang"));
        await SaveAtAsync(id, 2, TimeSpan.FromMinutes(10));
        await SaveAtAsync(id, 3, TimeSpan.FromMinutes(20)); // 23:30 on 1 September in Hà Nội
        await SaveAtAsync(id, 4, TimeSpan.FromMinutes(60)); // 00:10 on 2 September in Hà Nội, 1 September in UTC
        await SaveAtAsync(id, 5, TimeSpan.FromMinutes(70));
        await SaveAtAsync(id, 6, TimeSpan.FromMinutes(80));
        await SaveAtAsync(id, 7, TimeSpan.FromDays(50));
        await SaveAtAsync(id, 8, TimeSpan.FromDays(50) + TimeSpan.FromMinutes(5));
        await _services.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().DocumentVersions
            .Where(v => v.DocumentId == id && v.Number == 5).ExecuteUpdateAsync(s => s.SetProperty(v => v.IsPinned, true)));
        _clock.SetUtcNow(Start.AddDays(60));

        var removed = await Retention().CleanAsync(CancellationToken.None);

        Assert.Equal(2, removed);
        var kept = await _services.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().DocumentVersions
            .Where(v => v.DocumentId == id).OrderBy(v => v.Number).Select(v => v.Number).ToListAsync());
        Assert.Equal([1, 3, 5, 6, 7, 8], kept);
    }

    [Fact]
    public async Task Nothing_younger_than_the_window_is_removed_and_a_second_run_removes_nothing()
    {
        var (_, villages) = await _tree.SiteAsync();
        var id = await _tree.CreatePublishedAsync(DocumentTypes.Village, villages, ContentTreeBuilder.VillageValues("Bát Tràng 1", "bat-trang"));
        for (var n = 2; n <= 6; n++)
        {
            await SaveAtAsync(id, n, TimeSpan.FromMinutes(n));
        }

        _clock.SetUtcNow(Start.AddDays(29));
        Assert.Equal(0, await Retention().CleanAsync(CancellationToken.None));
        _clock.SetUtcNow(Start.AddDays(31));
        Assert.Equal(3, await Retention().CleanAsync(CancellationToken.None)); // 2–5 go; 1 is published, 6 the newest
        Assert.Equal(0, await Retention().CleanAsync(CancellationToken.None));
    }

    private async Task SaveAtAsync(int id, int number, TimeSpan afterStart)
    {
        _clock.SetUtcNow(Start + afterStart);
        var saved = await _tree.SaveAsync(id, ContentTreeBuilder.VillageValues($"Bát Tràng {number}", "bat-trang"), number - 1);
        Assert.True(saved.Succeeded, $"save {number}: {saved.Status}");
    }

    private VersionRetention Retention() => new(
        _services.Services.GetRequiredService<IServiceScopeFactory>(), new StartupState(),
        Options.Create(new VersionRetentionOptions { KeepAllDays = 30 }), _clock, NullLogger<VersionRetention>.Instance);
}

public sealed class SqliteVersionRetentionTests() : VersionRetentionTests(DatabaseKind.Sqlite);

public sealed class PostgresVersionRetentionTests() : VersionRetentionTests(DatabaseKind.Postgres);
