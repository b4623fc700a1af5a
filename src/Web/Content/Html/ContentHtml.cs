using Ganss.Xss;
using Markdig;

namespace VillageCraftPortal.Web.Content.Html;

/// <summary>
/// Editors' HTML goes through one allow-list: text structure, links and lists; no scripts, styles, event handlers,
/// frames or forms. Used when content is saved or imported, and again when the published snapshot is built.
/// </summary>
public sealed class ContentHtml
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string Sanitize(string html) => _sanitizer.Sanitize(html).Trim();

    public string FromMarkdown(string markdown) => Sanitize(Markdig.Markdown.ToHtml(markdown, Markdown));

    /// <summary>Inline Markdown (a caption, a label) without the surrounding paragraph.</summary>
    public string FromInlineMarkdown(string markdown)
    {
        var html = FromMarkdown(markdown);
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) && html.IndexOf("<p>", 1, StringComparison.Ordinal) < 0
            ? html[3..^4]
            : html;
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "del", "mark", "small", "sub", "sup",
                "a", "ul", "ol", "li", "blockquote", "cite", "q", "abbr", "code", "pre", "hr",
                "table", "caption", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "span",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "lang", "colspan", "rowspan", "scope", "abbr" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "https", "http", "mailto", "tel" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        sanitizer.PostProcessNode += (_, e) =>
        {
            // Links that leave the site must not hand it their window.
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor
                && anchor.GetAttribute("href") is { } href
                && Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                anchor.SetAttribute("rel", "noopener noreferrer");
            }
        };
        return sanitizer;
    }
}
