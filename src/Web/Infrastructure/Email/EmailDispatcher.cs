using VillageCraftPortal.Web.Infrastructure.Background;
using VillageCraftPortal.Web.Infrastructure.Startup;

namespace VillageCraftPortal.Web.Infrastructure.Email;

/// <summary>
/// Sends the outbox in the background: at once when this process queued an email (signal), and every few seconds
/// for retries that fall due and emails queued by another instance.
/// </summary>
public sealed class EmailDispatcher(IServiceScopeFactory scopes, EmailSignal signal, StartupState startup, ILogger<EmailDispatcher> logger)
    : SignalledJob(signal, startup, logger)
{
    /// <summary>One pass over the due emails, in its own scope; the tests call it directly instead of waiting.</summary>
    public async Task<EmailDispatchResult> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().SendDueAsync(cancellationToken);
    }

    protected override Task PassAsync(CancellationToken cancellationToken) => DispatchDueAsync(cancellationToken);
}
