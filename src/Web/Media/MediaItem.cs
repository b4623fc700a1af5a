namespace VillageCraftPortal.Web.Media;

/// <summary>
/// An image in the media library. The original file is stored once per content hash under DataDir; the alt text
/// and caption are culture → text JSON.
/// </summary>
public sealed class MediaItem
{
    public int Id { get; set; }

    public Guid Key { get; set; }

    /// <summary>A readable, stable identity from umbraco-content (e.g. "bat-trang-hero").</summary>
    public string? Alias { get; set; }

    /// <summary>The folder it is filed under: a village's slug, or "site".</summary>
    public required string Folder { get; set; }

    public required string FileHash { get; set; }

    public required string Format { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public long Bytes { get; set; }

    public double FocalX { get; set; } = 0.5;

    public double FocalY { get; set; } = 0.5;

    public required string Alt { get; set; }

    public string? Caption { get; set; }

    public string? Credit { get; set; }

    public string? Licence { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime UpdatedAt { get; set; }
}
