using System.Text;
using VillageCraftPortal.Web.Content.Values;

namespace VillageCraftPortal.Web.Content.Export;

/// <summary>
/// The reverse of the importer's BodyBlockParser: a culture's blocks as Markdown with "&lt;!-- block: … --&gt;"
/// directives. Every directive block ends with "&lt;!-- /block --&gt;", and so does a rich-text block followed by
/// another, so that nothing runs into the next block.
/// </summary>
internal sealed class BodyBlockWriter(ExportMarkdown markdown, IReadOnlyDictionary<Guid, string> mediaAliases)
{
    private const string End = "<!-- /block -->";

    public string Write(IReadOnlyList<Block> blocks)
    {
        var parts = new List<string>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var part = blocks[i] switch
            {
                RichTextBlock rich => Html(rich.Html, "a rich-text block") + (i + 1 < blocks.Count && blocks[i + 1] is RichTextBlock ? "\n" + End : string.Empty),
                ImageBlock image => Directive(ImageBlock.TypeName, ("media", mediaAliases[image.Media]))
                    + Content(image.Caption is null ? null : markdown.ForInlineHtml(image.Caption) ?? throw Unreadable("an image caption")),
                GalleryBlock gallery => Directive(GalleryBlock.TypeName, ("media", string.Join(", ", gallery.Media.Select(m => mediaAliases[m])))) + Content(null),
                QuoteBlock quote => Directive(QuoteBlock.TypeName, quote.Cite is null ? [] : [("cite", quote.Cite)]) + Content(Html(quote.Html, "a quote")),
                VideoBlock video => Directive(VideoBlock.TypeName, ("provider", video.Provider), ("id", video.VideoId), ("title", video.Title)) + Content(null),
                CallToActionBlock cta => Directive(CallToActionBlock.TypeName, ("href", cta.Href)) + Content(Label(cta.Label)),
                FactsBlock facts => Directive(FactsBlock.TypeName) + Content(string.Join('\n', facts.Facts.Select(FactLine))),
                var other => throw new ExportException($"a {other.GetType().Name} cannot be written"),
            };
            parts.Add(part);
        }

        return string.Join("\n\n", parts);
    }

    private string Html(string html, string what) => markdown.ForHtml(html) ?? throw Unreadable(what);

    private static ExportException Unreadable(string what) =>
        new($"{what} holds HTML that Markdown cannot reproduce exactly");

    private static string Directive(string type, params (string Name, string Value)[] attributes)
    {
        var line = new StringBuilder("<!-- block: ").Append(type);
        foreach (var (name, value) in attributes)
        {
            if ((value.Length == 0 && name != "cite") || value.IndexOfAny(['"', '\n', '\r']) >= 0)
            {
                throw new ExportException($"the {type} block's {name} '{value}' cannot be written in a directive (empty, or with a double quote or a line break)");
            }

            line.Append(' ').Append(name).Append("=\"").Append(value).Append('"');
        }

        return line.Append(" -->").ToString();
    }

    private static string Content(string? content) => (content is { Length: > 0 } ? "\n" + content : string.Empty) + "\n" + End;

    private static string Label(string label) =>
        label.Length > 0 && !label.Contains("<!--", StringComparison.Ordinal)
            ? label
            : throw new ExportException($"the call to action's label '{label}' cannot be written (empty, or with an HTML comment)");

    /// <summary>"- Label: value", as the importer's fact pattern reads it: the label is up to the first colon.</summary>
    private static string FactLine(Fact fact) =>
        fact.Label.Length > 0 && fact.Label.IndexOfAny([':', '*', '\n', '\r']) < 0
        && fact.Value.Length > 0 && fact.Value.IndexOfAny(['\n', '\r']) < 0 && !fact.Value.StartsWith("**", StringComparison.Ordinal)
            ? $"- {fact.Label}: {fact.Value}"
            : throw new ExportException($"the fact '{fact.Label}: {fact.Value}' cannot be written as '- Label: value' (a label without ':' or '*', a value on one line)");
}
