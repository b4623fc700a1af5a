using Microsoft.AspNetCore.Razor.TagHelpers;
using VillageCraftPortal.Web.Content.Published;

namespace VillageCraftPortal.Web.Shared.TagHelpers;

/// <summary>
/// <c>&lt;vcp-image media="…" culture="…" main /&gt;</c>: an image from the media library with its width and height
/// (no layout shift), its alt text in the page's culture, lazy loading, and high fetch priority for the page's main image.
/// </summary>
[HtmlTargetElement("vcp-image", TagStructure = TagStructure.WithoutEndTag)]
public sealed class MediaImageTagHelper(PublishedSnapshotAccessor snapshots) : TagHelper
{
    public Guid? Media { get; set; }

    public PublishedMedia? Item { get; set; }

    public string Culture { get; set; } = SiteCulture.Current;

    /// <summary>The page's main (largest, above-the-fold) image: eager and high priority.</summary>
    public bool Main { get; set; }

    /// <summary>The image is decorative next to text that says the same; alt is then empty.</summary>
    public bool Decorative { get; set; }

    public string? Class { get; set; }

    public string? Sizes { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var media = Item ?? (Media is { } key ? snapshots.Current.Media(key) : null);
        if (media is null)
        {
            output.SuppressOutput();
            return;
        }

        var alt = media.Alt.For(Culture);
        output.TagName = "img";
        output.TagMode = TagMode.SelfClosing;
        output.Attributes.SetAttribute("src", media.OriginalUrl);
        output.Attributes.SetAttribute("width", media.Width);
        output.Attributes.SetAttribute("height", media.Height);
        output.Attributes.SetAttribute("alt", Decorative ? string.Empty : alt.Value);
        if (!Decorative && alt.IsFallback)
        {
            output.Attributes.SetAttribute("lang", alt.Culture);
        }

        output.Attributes.SetAttribute("decoding", "async");
        if (Main)
        {
            output.Attributes.SetAttribute("fetchpriority", "high");
        }
        else
        {
            output.Attributes.SetAttribute("loading", "lazy");
        }

        if (Class is not null)
        {
            output.Attributes.SetAttribute("class", Class);
        }

        if (Sizes is not null)
        {
            output.Attributes.SetAttribute("sizes", Sizes);
        }
    }
}
