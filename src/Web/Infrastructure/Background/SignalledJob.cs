using VillageCraftPortal.Web.Infrastructure.Startup;

namespace VillageCraftPortal.Web.Infrastructure.Background;

/// <summary>
/// A background job fed by a table: one pass at once when this process signals work, and one every few seconds for
/// work written by another instance or falling due. A failed pass is logged and the next one tries again; the work
/// waits safely in its table.
/// </summary>
public abstract partial class SignalledJob(WakeSignal signal, StartupState startup, ILogger logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    /// <summary>One pass over the waiting work.</summary>
    protected abstract Task PassAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Before migrations the tables may not exist yet.
        await startup.WhenReady.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PassAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(logger, GetType().Name, ex);
            }

            await signal.WaitAsync(PollInterval, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A pass of {Job} failed; the next one tries again")]
    private static partial void LogPassFailed(ILogger logger, string job, Exception exception);
}
