using System.Text.Json.Serialization;

namespace VillageCraftPortal.Web.Content.Values;

/// <summary>A block of a page body. Bodies are ordered lists of blocks, stored as JSON in each version.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RichTextBlock), RichTextBlock.TypeName)]
[JsonDerivedType(typeof(ImageBlock), ImageBlock.TypeName)]
[JsonDerivedType(typeof(GalleryBlock), GalleryBlock.TypeName)]
[JsonDerivedType(typeof(QuoteBlock), QuoteBlock.TypeName)]
[JsonDerivedType(typeof(VideoBlock), VideoBlock.TypeName)]
[JsonDerivedType(typeof(CallToActionBlock), CallToActionBlock.TypeName)]
[JsonDerivedType(typeof(FactsBlock), FactsBlock.TypeName)]
public abstract record Block;

/// <summary>Sanitised HTML.</summary>
public sealed record RichTextBlock(string Html) : Block
{
    public const string TypeName = "richText";
}

public sealed record ImageBlock(Guid Media, string? Caption) : Block
{
    public const string TypeName = "image";
}

public sealed record GalleryBlock(IReadOnlyList<Guid> Media) : Block
{
    public const string TypeName = "gallery";
}

/// <summary>A quotation: sanitised HTML and who said it.</summary>
public sealed record QuoteBlock(string Html, string? Cite) : Block
{
    public const string TypeName = "quote";
}

/// <summary>A video shown through the provider's privacy-enhanced embed, loaded only when the visitor asks.</summary>
public sealed record VideoBlock(string Provider, string VideoId, string Title) : Block
{
    public const string TypeName = "video";
    public const string YouTube = "youtube";
    public const string Vimeo = "vimeo";

    public bool IsValid => Provider switch
    {
        YouTube => VideoId.Length == 11 && VideoId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'),
        Vimeo => VideoId.Length is > 0 and <= 12 && VideoId.All(char.IsAsciiDigit),
        _ => false,
    };

    public string EmbedUrl => Provider == Vimeo
        ? $"https://player.vimeo.com/video/{VideoId}?dnt=1"
        : $"https://www.youtube-nocookie.com/embed/{VideoId}";

    public string WatchUrl => Provider == Vimeo
        ? $"https://vimeo.com/{VideoId}"
        : $"https://www.youtube.com/watch?v={VideoId}";
}

public sealed record CallToActionBlock(string Href, string Label) : Block
{
    public const string TypeName = "cta";

    /// <summary>Links stay on the site or go to an https address; nothing else (no javascript:, no data:).</summary>
    public static bool IsSafeHref(string href) =>
        (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal))
        || (Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps);
}

public sealed record Fact(string Label, string Value);

public sealed record FactsBlock(IReadOnlyList<Fact> Facts) : Block
{
    public const string TypeName = "facts";
}
