namespace VillageCraftPortal.Web.Infrastructure.Startup;

/// <summary>Where start-up is: the site is ready once the database is migrated, content imported and the snapshot live.</summary>
public sealed class StartupState
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WhenReady => _ready.Task;

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    public string Stage { get; private set; } = "starting";

    public string? Failure { get; private set; }

    public void Advance(string stage) => Stage = stage;

    public void MarkReady()
    {
        Stage = "ready";
        _ready.TrySetResult();
    }

    public void MarkFailed(string reason)
    {
        Stage = "failed";
        Failure = reason;
    }
}
