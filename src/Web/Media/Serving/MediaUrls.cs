using System.Globalization;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Media.Processing;

namespace VillageCraftPortal.Web.Media.Serving;

/// <summary>The stable URLs of preset variants: /media/{id}/{preset}/{width}, with the focal point when not centred.</summary>
public static class MediaUrls
{
    public static string Preset(PublishedMedia media, ImagePreset preset, int width)
    {
        var (x, y) = media.FocalPercent;
        var url = $"/media/{media.UrlId}/{preset.Name}/{width.ToString(CultureInfo.InvariantCulture)}";
        return (x, y) == (50, 50) ? url : $"{url}?fp={x},{y}";
    }

    /// <summary>The widths of a preset worth offering for this image: those it can fill, plus its own width.</summary>
    public static IReadOnlyList<int> Widths(PublishedMedia media, ImagePreset preset)
    {
        var largest = preset.OutputSize(int.MaxValue, media.Width, media.Height).Width;
        var widths = preset.Widths.Where(w => w < largest).ToList();
        widths.Add(preset.Widths.FirstOrDefault(w => w >= largest, preset.Widths[^1]));
        return widths;
    }
}
