using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Content.Editing;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Infrastructure.Startup;

namespace VillageCraftPortal.Web.Content.Published;

/// <summary>
/// Rebuilds the published snapshot whenever the content outbox has events newer than the live snapshot: at once when
/// this process published (signal), within the poll interval when another instance did.
/// </summary>
public sealed partial class SnapshotRefresher(
    IServiceScopeFactory scopes,
    PublishedSnapshotAccessor accessor,
    ContentEventSignal signal,
    StartupState startup,
    ILogger<SnapshotRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = signal.Subscribe();
        await startup.WhenReady.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshIfStaleAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Keep serving the last good snapshot; the next event or poll tries again.
                logger.LogError(ex, "Refreshing the published snapshot failed");
            }

            await wait(PollInterval, stoppingToken);
        }
    }

    public async Task RefreshIfStaleAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newest = await db.ContentEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        if (newest <= accessor.Current.Version && accessor.IsLoaded)
        {
            return;
        }

        var snapshot = await scope.ServiceProvider.GetRequiredService<SnapshotBuilder>().BuildAsync(cancellationToken);
        accessor.Swap(snapshot);
        LogSwapped(logger, snapshot.Version, snapshot.Nodes.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published snapshot {Version} is live with {Count} pages")]
    private static partial void LogSwapped(ILogger logger, long version, int count);
}
