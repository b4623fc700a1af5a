using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VillageCraftPortal.Commerce.Cart;

/// <summary>Deletes carts past their expiry, a batch at a time with set-based deletes (no entity is loaded).</summary>
public sealed class CartCleanup(DbContext db, TimeProvider clock)
{
    public const int BatchSize = 500;

    /// <summary>Deletes up to one batch of expired carts with their lines; returns how many carts went.</summary>
    public async Task<int> DeleteBatchAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await db.Set<Cart>().Where(c => c.ExpiresAt <= now).OrderBy(c => c.ExpiresAt).Select(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<CartLine>().Where(l => ids.Contains(l.CartId)).ExecuteDeleteAsync(cancellationToken);
        // Checked again: a cart used since the batch was read has a later expiry and stays.
        var deleted = await db.Set<Cart>().Where(c => ids.Contains(c.Id) && c.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }
}

/// <summary>Purges expired carts every hour, so abandoned carts (and the checkout details typed into them) do not pile up.</summary>
public sealed partial class CartPurge(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CartPurge> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>One pass: batches until none is left; returns how many carts were deleted.</summary>
    public async Task<int> PurgeOnceAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var deleted = await scope.ServiceProvider.GetRequiredService<CartCleanup>().DeleteBatchAsync(cancellationToken);
            total += deleted;
            if (deleted < CartCleanup.BatchSize)
            {
                return total;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var deleted = await PurgeOnceAsync(stoppingToken);
                if (deleted > 0)
                {
                    LogPurged(logger, deleted);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cart purge deleted {Count} expired carts")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cart purge failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
