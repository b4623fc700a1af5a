namespace VillageCraftPortal.Web.Infrastructure.Email;

/// <summary>
/// Wakes the dispatcher as soon as a transaction with new emails commits, so it need not wait for its next poll.
/// Losing a signal is harmless: the outbox row is the source of truth.
/// </summary>
public sealed class EmailSignal : IDisposable
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
            // Already signalled; one wake-up covers every email so far.
        }
    }

    /// <summary>True when woken, false when the timeout passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _wake.Dispose();
}
