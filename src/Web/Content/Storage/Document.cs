namespace VillageCraftPortal.Web.Content.Storage;

/// <summary>
/// A node in the content tree. Its values live in <see cref="DocumentVersion"/> rows: every save adds one, and
/// <see cref="PublishedVersion"/> says which of them the public sees.
/// </summary>
public sealed class Document
{
    public int Id { get; set; }

    public Guid Key { get; set; }

    /// <summary>A readable, stable identity from umbraco-content (e.g. "village-bat-trang"); null for documents made in the backoffice.</summary>
    public string? Alias { get; set; }

    public required string ContentType { get; set; }

    public int? ParentId { get; set; }

    public int Level { get; set; }

    public int SortOrder { get; set; }

    /// <summary>The number of the newest version (the draft when it is ahead of the published one).</summary>
    public int LatestVersion { get; set; }

    /// <summary>The number of the version the public sees; null while unpublished.</summary>
    public int? PublishedVersion { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public DateTime? PublishedAt { get; set; }

    public ReviewState ReviewState { get; set; }

    /// <summary>The reviewer's comment when changes were requested, or the editor's note when submitting.</summary>
    public string? ReviewComment { get; set; }

    public string? ReviewBy { get; set; }

    public DateTime? ReviewAt { get; set; }

    public List<DocumentVersion> Versions { get; set; } = [];

    public bool IsPublished => PublishedVersion is not null;

    public bool HasUnpublishedChanges => PublishedVersion != LatestVersion;
}
