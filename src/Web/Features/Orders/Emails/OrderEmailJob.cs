using VillageCraftPortal.Web.Infrastructure.Background;
using VillageCraftPortal.Web.Infrastructure.Startup;

namespace VillageCraftPortal.Web.Features.Orders.Emails;

/// <summary>
/// The buyer's order emails, in the background: turns each new <see cref="Commerce.Orders.OrderNotice"/> into an
/// email in the outbox (which <see cref="Infrastructure.Email.EmailDispatcher"/> then sends), at once when this
/// process signals one, and every few seconds for notices written by another instance or a job.
/// </summary>
public sealed class OrderEmailJob(IServiceScopeFactory scopes, OrderNoticeSignal signal, StartupState startup, ILogger<OrderEmailJob> logger)
    : SignalledJob(signal, startup, logger)
{
    /// <summary>One pass over the unsent notices, in its own scope; the tests call it directly instead of waiting.</summary>
    public async Task<OrderNoticePass> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrderNoticeSender>().SendPendingAsync(cancellationToken);
    }

    protected override Task PassAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);
}
