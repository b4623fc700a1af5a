using System.Text.RegularExpressions;
using VillageCraftPortal.Web.Content.Html;
using VillageCraftPortal.Web.Content.Values;

namespace VillageCraftPortal.Web.Content.Import;

/// <summary>
/// Turns a culture's Markdown into blocks: plain Markdown becomes rich text; "&lt;!-- block: … --&gt;" directives
/// start the other block types (see umbraco-content/README.md).
/// </summary>
public sealed partial class BodyBlockParser(ContentHtml html, Func<string, Guid?> resolveMedia)
{
    public List<Block> Parse(string file, BodySection section)
    {
        var blocks = new List<Block>();
        var text = new List<SourceLine>();
        Directive? directive = null;
        var content = new List<SourceLine>();

        foreach (var line in section.Lines)
        {
            var start = BlockStart().Match(line.Text);
            if (start.Success || BlockEnd().IsMatch(line.Text))
            {
                FlushDirective();
                FlushText();
                directive = start.Success ? new Directive(start.Groups[1].Value, ParseAttributes(start.Groups[2].Value), line.Number) : null;
                continue;
            }

            (directive is null ? text : content).Add(line);
        }

        FlushDirective();
        FlushText();
        return blocks;

        void FlushText()
        {
            var markdown = DocumentFile.Join(text);
            if (markdown.Length > 0)
            {
                blocks.Add(new RichTextBlock(html.FromMarkdown(markdown)));
            }

            text = [];
        }

        void FlushDirective()
        {
            if (directive is not null)
            {
                blocks.Add(Build(file, directive, content));
                directive = null;
            }

            content = [];
        }
    }

    private Block Build(string file, Directive directive, List<SourceLine> content)
    {
        var body = DocumentFile.Join(content);
        return directive.Type switch
        {
            ImageBlock.TypeName => new ImageBlock(Media(file, directive, directive.Required(file, "media")), body.Length > 0 ? html.FromInlineMarkdown(body) : null),
            GalleryBlock.TypeName => new GalleryBlock([.. directive.Required(file, "media").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(m => Media(file, directive, m))]),
            QuoteBlock.TypeName => new QuoteBlock(body.Length > 0 ? html.FromMarkdown(body) : throw Error(file, directive.Line, "a quote needs its text after the directive"), directive.Attributes.GetValueOrDefault("cite")),
            VideoBlock.TypeName => Video(file, directive),
            CallToActionBlock.TypeName => Cta(file, directive, body),
            FactsBlock.TypeName => Facts(file, directive, content),
            _ => throw Error(file, directive.Line, $"unknown block type '{directive.Type}' (image, gallery, quote, video, cta or facts)"),
        };
    }

    private Guid Media(string file, Directive directive, string alias) =>
        resolveMedia(alias) ?? throw Error(file, directive.Line, $"no media item '{alias}' (add media/{alias}.jpg with its {alias}.yml)");

    private static VideoBlock Video(string file, Directive directive)
    {
        var video = new VideoBlock(directive.Attributes.GetValueOrDefault("provider", VideoBlock.YouTube), directive.Required(file, "id"), directive.Required(file, "title"));
        return video.IsValid ? video : throw Error(file, directive.Line, $"'{video.VideoId}' is not a valid {video.Provider} video id");
    }

    private static CallToActionBlock Cta(string file, Directive directive, string label)
    {
        var href = directive.Required(file, "href");
        if (!CallToActionBlock.IsSafeHref(href))
        {
            throw Error(file, directive.Line, $"link '{href}' must start with '/' or https://");
        }

        return label.Length > 0 ? new CallToActionBlock(href, label) : throw Error(file, directive.Line, "a call to action needs its label after the directive");
    }

    private static FactsBlock Facts(string file, Directive directive, List<SourceLine> content)
    {
        var facts = new List<Fact>();
        foreach (var line in content.Where(l => !string.IsNullOrWhiteSpace(l.Text)))
        {
            var match = FactLine().Match(line.Text);
            if (!match.Success)
            {
                throw Error(file, line.Number, "a fact must be written '- Label: value'");
            }

            facts.Add(new Fact(match.Groups[1].Value.Trim(), match.Groups[2].Value.Trim()));
        }

        return facts.Count > 0 ? new FactsBlock(facts) : throw Error(file, directive.Line, "a facts block needs at least one '- Label: value' line");
    }

    private static Dictionary<string, string> ParseAttributes(string text) =>
        AttributePattern().Matches(text).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);

    private static ImportException Error(string file, int line, string reason) => new(new ImportError(file, line, reason));

    private sealed record Directive(string Type, Dictionary<string, string> Attributes, int Line)
    {
        public string Required(string file, string name) =>
            Attributes.TryGetValue(name, out var value) && value.Length > 0
                ? value
                : throw Error(file, Line, $"the {Type} block needs {name}=\"...\"");
    }

    [GeneratedRegex(@"^\s*<!--\s*block:\s*([a-zA-Z]+)(.*?)-->\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BlockStart();

    [GeneratedRegex(@"^\s*<!--\s*/block\s*-->\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BlockEnd();

    [GeneratedRegex("([a-zA-Z]+)\\s*=\\s*\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex AttributePattern();

    [GeneratedRegex(@"^\s*[-*]\s+(?:\*\*)?([^:*]+?)(?:\*\*)?\s*:\s*(?:\*\*)?\s*(.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex FactLine();
}
