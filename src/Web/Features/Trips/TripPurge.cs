using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Trips;

namespace VillageCraftPortal.Web.Features.Trips;

/// <summary>Deletes trips nobody has opened for <see cref="Trip.Lifetime"/>, every hour, a batch at a time.</summary>
public sealed partial class TripPurge(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TripPurge> logger) : BackgroundService
{
    public const int BatchSize = 500;

    public async Task<int> PurgeOnceAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var ids = await db.Set<Trip>().Where(t => t.ExpiresAt <= now).OrderBy(t => t.ExpiresAt).Select(t => t.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return total;
            }

            // The stops go with their trip (ON DELETE CASCADE); a trip opened since the batch was read stays.
            total += await db.Set<Trip>().Where(t => ids.Contains(t.Id) && t.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var deleted = await PurgeOnceAsync(stoppingToken);
                LogPurged(logger, deleted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted {Count} expired trips")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Purging expired trips failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
