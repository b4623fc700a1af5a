namespace VillageCraftPortal.Web.Features.Orders.Emails;

/// <summary>
/// Wakes the order email job as soon as a change that wrote an <see cref="Commerce.Orders.OrderNotice"/> commits
/// (a placed order, a confirmed payment), instead of at its next poll. Losing a signal is harmless: the notice row
/// is the source of truth.
/// </summary>
public sealed class OrderNoticeSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Notify()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one pass covers every notice so far.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _wake.Dispose();
}
