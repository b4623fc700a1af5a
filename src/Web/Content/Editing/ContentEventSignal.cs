namespace VillageCraftPortal.Web.Content.Editing;

/// <summary>
/// Wakes the background services that read the content outbox as soon as a change commits, so they need not wait
/// for their next poll. Losing a signal is harmless: the outbox row is the source of truth.
/// </summary>
public sealed class ContentEventSignal
{
    private readonly Lock _lock = new();
    private readonly List<SemaphoreSlim> _subscribers = [];

    /// <summary>Each consumer subscribes once and waits on its own wake-up.</summary>
    public Func<TimeSpan, CancellationToken, Task<bool>> Subscribe()
    {
        var semaphore = new SemaphoreSlim(0, 1);
        lock (_lock)
        {
            _subscribers.Add(semaphore);
        }

        return semaphore.WaitAsync;
    }

    public void Notify()
    {
        lock (_lock)
        {
            foreach (var semaphore in _subscribers)
            {
                if (semaphore.CurrentCount == 0)
                {
                    try
                    {
                        semaphore.Release();
                    }
                    catch (SemaphoreFullException)
                    {
                        // Already signalled; one wake-up covers every change so far.
                    }
                }
            }
        }
    }
}
