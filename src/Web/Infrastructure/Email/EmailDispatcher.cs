using VillageCraftPortal.Web.Infrastructure.Startup;

namespace VillageCraftPortal.Web.Infrastructure.Email;

/// <summary>
/// Sends the outbox in the background: at once when this process queued an email (signal), and every few seconds
/// for retries that fall due and emails queued by another instance.
/// </summary>
public sealed partial class EmailDispatcher(
    IServiceScopeFactory scopes,
    EmailSignal signal,
    StartupState startup,
    ILogger<EmailDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    /// <summary>One pass over the due emails, in its own scope; the tests call it directly instead of waiting.</summary>
    public async Task<EmailDispatchResult> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().SendDueAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Before migrations the table may not exist yet.
        await startup.WhenReady.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is unreachable or similar; the emails are safe in the outbox, the next pass tries again.
                LogPassFailed(logger, ex);
            }

            await signal.WaitAsync(PollInterval, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the email outbox failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
