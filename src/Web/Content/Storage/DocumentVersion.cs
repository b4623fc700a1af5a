namespace VillageCraftPortal.Web.Content.Storage;

/// <summary>One saved state of a document: all of its property values, as JSON (see <see cref="ContentValues"/>).</summary>
public sealed class DocumentVersion
{
    public int Id { get; set; }

    public int DocumentId { get; set; }

    public int Number { get; set; }

    public required string Values { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>When this version went live, if it ever did.</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>Pinned versions survive the version clean-up.</summary>
    public bool IsPinned { get; set; }

    public string? Comment { get; set; }
}
