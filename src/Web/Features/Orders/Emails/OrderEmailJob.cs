using VillageCraftPortal.Web.Infrastructure.Startup;

namespace VillageCraftPortal.Web.Features.Orders.Emails;

/// <summary>
/// The buyer's order emails, in the background: turns each new <see cref="Commerce.Orders.OrderNotice"/> into an
/// email in the outbox (which <see cref="Infrastructure.Email.EmailDispatcher"/> then sends), at once when this
/// process signals one, and every few seconds for notices written by another instance or a job.
/// </summary>
public sealed partial class OrderEmailJob(
    IServiceScopeFactory scopes,
    OrderNoticeSignal signal,
    StartupState startup,
    ILogger<OrderEmailJob> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    /// <summary>One pass over the unsent notices, in its own scope; the tests call it directly instead of waiting.</summary>
    public async Task<OrderNoticePass> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrderNoticeSender>().SendPendingAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Before migrations the tables may not exist yet.
        await startup.WhenReady.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is unreachable or similar; the notices wait in their table, the next pass tries again.
                LogPassFailed(logger, ex);
            }

            await signal.WaitAsync(PollInterval, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turning order notices into emails failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
