using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Media.Processing;
using VillageCraftPortal.Web.Media.Serving;

namespace VillageCraftPortal.Web.Shared.TagHelpers;

/// <summary>
/// <c>&lt;vcp-image media="…" preset="card" sizes="…" main /&gt;</c>: a responsive image from the media library.
/// It writes a srcset of the preset's widths (the server picks AVIF, WebP or JPEG per browser), width and height
/// (no layout shift), alt text in the page's culture, lazy loading, and high priority for the page's main image.
/// </summary>
[HtmlTargetElement("vcp-image", TagStructure = TagStructure.WithoutEndTag)]
public sealed class MediaImageTagHelper(PublishedSnapshotAccessor snapshots) : TagHelper
{
    public Guid? Media { get; set; }

    public PublishedMedia? Item { get; set; }

    public string Preset { get; set; } = ImagePresets.Card.Name;

    public string Culture { get; set; } = SiteCulture.Current;

    /// <summary>The page's main (largest, above-the-fold) image: eager and high priority.</summary>
    public bool Main { get; set; }

    /// <summary>The image is decorative next to text that says the same; alt is then empty.</summary>
    public bool Decorative { get; set; }

    public string? Class { get; set; }

    public string Sizes { get; set; } = "100vw";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var media = Item ?? (Media is { } key ? snapshots.Current.Media(key) : null);
        if (media is null || !ImagePresets.ByName.TryGetValue(Preset, out var preset))
        {
            output.SuppressOutput();
            return;
        }

        var candidates = MediaUrls.Widths(media, preset)
            .Select(w => (Url: MediaUrls.Preset(media, preset, w), Size: preset.OutputSize(w, media.Width, media.Height)))
            .ToList();
        var fallback = candidates.FirstOrDefault(c => c.Size.Width >= 640, candidates[^1]);
        var largest = candidates[^1].Size;

        output.TagName = "img";
        output.TagMode = TagMode.SelfClosing;
        output.Attributes.SetAttribute("src", fallback.Url);
        output.Attributes.SetAttribute("srcset", string.Join(", ", candidates.Select(c => $"{c.Url} {c.Size.Width.ToString(CultureInfo.InvariantCulture)}w")));
        output.Attributes.SetAttribute("sizes", Sizes);
        output.Attributes.SetAttribute("width", largest.Width);
        output.Attributes.SetAttribute("height", largest.Height);
        var alt = media.Alt.For(Culture);
        output.Attributes.SetAttribute("alt", Decorative ? string.Empty : alt.Value);
        if (!Decorative && alt.IsFallback)
        {
            output.Attributes.SetAttribute("lang", alt.Culture);
        }

        output.Attributes.SetAttribute("decoding", "async");
        output.Attributes.SetAttribute(Main ? "fetchpriority" : "loading", Main ? "high" : "lazy");
        if (Class is not null)
        {
            output.Attributes.SetAttribute("class", Class);
        }
    }
}
