namespace VillageCraftPortal.Web.Content.Published;

/// <summary>An image as pages render it: where the original is, its size, and its alt text per culture.</summary>
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
    public string OriginalUrl => $"/media/original/{FileHash}.{Format}";
}
