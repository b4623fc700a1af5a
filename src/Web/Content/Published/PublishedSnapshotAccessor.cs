namespace VillageCraftPortal.Web.Content.Published;

/// <summary>Holds the current snapshot. Swapping is one reference write, so readers never see half a snapshot.</summary>
public sealed class PublishedSnapshotAccessor
{
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PublishedSnapshot _current = PublishedSnapshot.Empty;

    public PublishedSnapshot Current => Volatile.Read(ref _current);

    public bool IsLoaded => _loaded.Task.IsCompleted;

    /// <summary>Raised after a new snapshot is in place (caches listen to it).</summary>
    public event Action<PublishedSnapshot>? Swapped;

    public void Swap(PublishedSnapshot snapshot)
    {
        Volatile.Write(ref _current, snapshot);
        _loaded.TrySetResult();
        Swapped?.Invoke(snapshot);
    }

    /// <summary>Waits until a snapshot that includes the outbox event <paramref name="version"/> is live.</summary>
    public async Task WaitForVersionAsync(long version, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        while (Current.Version < version)
        {
            await Task.Delay(20, cts.Token);
        }
    }
}
