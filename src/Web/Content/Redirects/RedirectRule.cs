namespace VillageCraftPortal.Web.Content.Redirects;

/// <summary>
/// A permanent redirect from an old path. Automatic ones (a slug changed or a page moved) point at the document, so
/// they always lead to its current address without chains; manual ones (administrators) point at a path or URL.
/// </summary>
public sealed class RedirectRule
{
    public int Id { get; set; }

    /// <summary>The old path, lower-case, with its culture prefix (e.g. "/vi/lang-nghe/gom-bat-trang").</summary>
    public required string FromPath { get; set; }

    public Guid? TargetDocumentKey { get; set; }

    public string? TargetCulture { get; set; }

    public string? TargetUrl { get; set; }

    public bool IsManual { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}
