namespace VillageCraftPortal.Web.Content.Published;

/// <summary>An image as pages render it: its master, size and focal point, and its alt text per culture.</summary>
public sealed record PublishedMedia(
    Guid Key,
    string? Alias,
    string FileHash,
    string Format,
    int Width,
    int Height,
    double FocalX,
    double FocalY,
    LocalizedText Alt,
    LocalizedText Caption,
    string? Credit,
    string? Licence)
{
    /// <summary>The id in media URLs: the first 128 bits of the master's hash.</summary>
    public string UrlId => FileHash[..32];

    /// <summary>The focal point as whole percentages, as it appears in URLs.</summary>
    public (int X, int Y) FocalPercent => ((int)Math.Round(FocalX * 100), (int)Math.Round(FocalY * 100));
}
