namespace VillageCraftPortal.Web.Content.Storage;

public enum ContentEventKind
{
    Published = 1,
    Unpublished = 2,
    Deleted = 3,
    Imported = 4,
    MediaChanged = 5,
}

/// <summary>
/// An outbox row, written in the same transaction as the change it reports. Background services (the published
/// snapshot, caches, the search index) read the rows after their own cursor, so no change is lost or applied inline.
/// </summary>
public sealed class ContentEvent
{
    public long Id { get; set; }

    public ContentEventKind Kind { get; set; }

    public int? DocumentId { get; set; }

    public DateTime CreatedAt { get; set; }
}
