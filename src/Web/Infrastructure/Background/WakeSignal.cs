namespace VillageCraftPortal.Web.Infrastructure.Background;

/// <summary>
/// Wakes a <see cref="SignalledJob"/> as soon as a transaction that gave it work commits, instead of at its next
/// poll. Losing a signal is harmless: the job's table is the source of truth, and one wake-up covers all work so far.
/// Each job has its own subclass, so each is registered and injected on its own.
/// </summary>
public abstract class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Notify()
    {
        // Checked first because a busy shop signals on every order, and an exception each time costs real CPU.
        if (_wake.CurrentCount > 0)
        {
            return;
        }

        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another thread signalled in between.
        }
    }

    /// <summary>True when woken, false when the timeout passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    public void Dispose()
    {
        _wake.Dispose();
        GC.SuppressFinalize(this);
    }
}
