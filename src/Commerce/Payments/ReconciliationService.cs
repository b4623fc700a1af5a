using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VillageCraftPortal.Commerce.Payments;

/// <summary>Runs <see cref="PaymentReconciliation"/> every minute in the background.</summary>
public sealed partial class ReconciliationService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReconciliationService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var changed = await scope.ServiceProvider.GetRequiredService<PaymentReconciliation>().RunOnceAsync(stoppingToken);
                if (changed > 0)
                {
                    LogSettled(logger, changed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment reconciliation settled {Count} orders")]
    private static partial void LogSettled(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Payment reconciliation failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
