using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Infrastructure.Startup;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Content.Versions;

public sealed class VersionRetentionOptions
{
    public const string Section = "Content:Versions";

    /// <summary>Every version younger than this is kept; older ones are thinned to one a day.</summary>
    public int KeepAllDays { get; set; } = 30;
}

/// <summary>
/// Version clean-up as in Umbraco: all versions of the last <see cref="VersionRetentionOptions.KeepAllDays"/> days,
/// then the newest of each day (a Hà Nội day). The newest, the published and pinned versions are always kept. Runs once a day.
/// </summary>
public sealed partial class VersionRetention(IServiceScopeFactory scopes, StartupState startup, IOptions<VersionRetentionOptions> options, TimeProvider clock, ILogger<VersionRetention> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await startup.WhenReady.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromHours(24), clock);
        do
        {
            try
            {
                var removed = await CleanAsync(stoppingToken);
                LogRemoved(logger, removed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Removes the versions the policy does not keep; returns how many.</summary>
    public async Task<int> CleanAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.KeepAllDays);
        var candidates = await db.DocumentVersions.AsNoTracking()
            .Where(v => v.CreatedAt < cutoff && !v.IsPinned)
            .Join(db.Documents, v => v.DocumentId, d => d.Id, (v, d) => new { v.Id, v.DocumentId, v.Number, v.CreatedAt, d.LatestVersion, d.PublishedVersion })
            .Where(x => x.Number != x.LatestVersion && x.Number != x.PublishedVersion)
            .ToListAsync(cancellationToken);
        var doomed = candidates
            .GroupBy(x => (x.DocumentId, Day: DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(x.CreatedAt, DateTimeKind.Utc), VietnamTime.Zone))))
            .SelectMany(day => day.OrderByDescending(x => x.Number).Skip(1))
            .Select(x => x.Id)
            .ToList();
        var removed = 0;
        foreach (var chunk in doomed.Chunk(500))
        {
            removed += await db.DocumentVersions.Where(v => chunk.Contains(v.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Version clean-up removed {Count} versions")]
    private static partial void LogRemoved(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Version clean-up failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
