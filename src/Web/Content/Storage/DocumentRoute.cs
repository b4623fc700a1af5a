namespace VillageCraftPortal.Web.Content.Storage;

/// <summary>
/// The published slug of a document in one culture. The unique index on (parent, culture, slug) is the database's
/// guarantee that two published siblings never share a URL.
/// </summary>
public sealed class DocumentRoute
{
    public const int RootParent = 0;

    public int Id { get; set; }

    public int DocumentId { get; set; }

    /// <summary>The parent's id, or <see cref="RootParent"/> for the root (nulls would not be unique in an index).</summary>
    public int ParentId { get; set; }

    public required string Culture { get; set; }

    public required string Slug { get; set; }
}
