using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Content.Editing;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Infrastructure.Startup;

namespace VillageCraftPortal.Web.Content.Scheduling;

/// <summary>
/// Runs scheduled publishes and unpublishes when they fall due. The schedule lives in the database, so a restart
/// loses nothing: anything that fell due while the site was down runs as soon as it is back.
/// </summary>
public sealed partial class ScheduleRunner(IServiceScopeFactory scopes, StartupState startup, TimeProvider clock, ILogger<ScheduleRunner> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await startup.WhenReady.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs every pending action due now; returns how many ran.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var publishing = scope.ServiceProvider.GetRequiredService<PublishingService>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.ScheduledActions.Where(a => a.Status == ScheduledActionStatus.Pending && a.DueAt <= now)
            .OrderBy(a => a.DueAt).Take(50).ToListAsync(cancellationToken);
        foreach (var action in due)
        {
            var actor = $"schedule:{action.CreatedBy}";
            var result = action.Kind == ScheduledActionKind.Publish
                ? await publishing.PublishAsync(action.DocumentId, actor, cancellationToken)
                : await publishing.UnpublishAsync(action.DocumentId, actor, cancellationToken);
            var ok = result.Succeeded || result.Status == ContentOperationStatus.NotPublished;
            action.Status = ok ? ScheduledActionStatus.Done : ScheduledActionStatus.Failed;
            action.Error = ok ? null : result.Status.ToString();
            action.ProcessedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            LogRan(logger, action.Kind, action.DocumentId, action.Status);
        }

        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled {Kind} of document {DocumentId}: {Status}")]
    private static partial void LogRan(ILogger logger, ScheduledActionKind kind, int documentId, ScheduledActionStatus status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Running scheduled actions failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
