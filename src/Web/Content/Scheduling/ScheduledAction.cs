namespace VillageCraftPortal.Web.Content.Scheduling;

public enum ScheduledActionKind
{
    Publish = 1,
    Unpublish = 2,
}

public enum ScheduledActionStatus
{
    Pending = 0,
    Done = 1,
    Failed = 2,
    Cancelled = 3,
}

/// <summary>A publish or unpublish to run at a time (stored in UTC, entered in Asia/Ho_Chi_Minh). Survives restarts.</summary>
public sealed class ScheduledAction
{
    public int Id { get; set; }

    public int DocumentId { get; set; }

    public ScheduledActionKind Kind { get; set; }

    public DateTime DueAt { get; set; }

    public ScheduledActionStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime? ProcessedAt { get; set; }

    public string? Error { get; set; }
}
