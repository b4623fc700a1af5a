namespace VillageCraftPortal.Web.Media.Processing;

/// <summary>
/// A named variant the site uses: an aspect ratio (or the original's when null) and the widths it may be asked for.
/// Only these are served without a signature.
/// </summary>
public sealed record ImagePreset(string Name, double? AspectRatio, IReadOnlyList<int> Widths, bool Negotiated = true)
{
    public int DefaultWidth => Widths[Widths.Count / 2];

    /// <summary>The output size for a requested width from a source, never upscaling.</summary>
    public (int Width, int Height) OutputSize(int requestedWidth, int sourceWidth, int sourceHeight)
    {
        if (AspectRatio is { } ratio)
        {
            // The largest crop of that ratio inside the source bounds how wide the output can be.
            var maxWidth = Math.Min(sourceWidth, (int)Math.Floor(sourceHeight * ratio));
            var width = Math.Min(requestedWidth, maxWidth);
            return (width, Math.Max(1, (int)Math.Round(width / ratio)));
        }

        var w = Math.Min(requestedWidth, sourceWidth);
        return (w, Math.Max(1, (int)Math.Round((double)sourceHeight * w / sourceWidth)));
    }
}

public static class ImagePresets
{
    public static readonly ImagePreset Thumb = new("thumb", 1.0, [160, 320]);
    public static readonly ImagePreset Card = new("card", 4.0 / 3, [320, 480, 640, 960]);
    public static readonly ImagePreset Hero = new("hero", 16.0 / 9, [640, 960, 1280, 1600, 1920]);
    public static readonly ImagePreset Gallery = new("gallery", null, [400, 800, 1200, 1600]);

    /// <summary>Open Graph: 1200 × 630 JPEG, the size and format social networks expect (no negotiation).</summary>
    public static readonly ImagePreset OpenGraph = new("og", 1200.0 / 630, [1200], Negotiated: false);

    public static readonly IReadOnlyDictionary<string, ImagePreset> ByName =
        new[] { Thumb, Card, Hero, Gallery, OpenGraph }.ToDictionary(p => p.Name, StringComparer.Ordinal);
}
