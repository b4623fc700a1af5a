using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace VillageCraftPortal.Web.Content.Import;

/// <summary>A body line with its line number in the file.</summary>
public readonly record struct SourceLine(int Number, string Text);

/// <summary>The Markdown of one culture in a document file.</summary>
public sealed record BodySection(string Culture, int Line, IReadOnlyList<SourceLine> Lines);

/// <summary>A document file split into its YAML front matter and its per-culture Markdown sections.</summary>
public sealed partial class DocumentFile
{
    private DocumentFile(YamlContext yaml, YamlMappingNode frontMatter, IReadOnlyList<BodySection> sections)
    {
        Yaml = yaml;
        FrontMatter = frontMatter;
        Sections = sections;
    }

    public YamlContext Yaml { get; }

    public string File => Yaml.File;

    public YamlMappingNode FrontMatter { get; }

    public IReadOnlyList<BodySection> Sections { get; }

    public static DocumentFile Parse(string relativePath, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            throw new ImportException(new ImportError(relativePath, 1, "a document file must start with '---' and YAML front matter"));
        }

        var end = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (end < 0)
        {
            throw new ImportException(new ImportError(relativePath, 1, "the front matter is not closed with a '---' line"));
        }

        // YAML line 1 is the file's line 2.
        var yaml = new YamlContext(relativePath, 1);
        var frontMatter = YamlContext.ParseMapping(string.Join('\n', lines[1..end]), yaml);
        return new DocumentFile(yaml, frontMatter, ReadSections(relativePath, lines, end + 1));
    }

    private static List<BodySection> ReadSections(string file, string[] lines, int start)
    {
        var sections = new List<BodySection>();
        string? culture = null;
        var cultureLine = 0;
        var current = new List<SourceLine>();
        for (var i = start; i < lines.Length; i++)
        {
            var match = CultureMarker().Match(lines[i]);
            if (match.Success)
            {
                Close();
                culture = match.Groups[1].Value;
                cultureLine = i + 1;
                if (!Cultures.IsSupported(culture))
                {
                    throw new ImportException(new ImportError(file, i + 1, $"unknown culture '{culture}' (use vi or en)"));
                }

                if (sections.Any(s => s.Culture == culture))
                {
                    throw new ImportException(new ImportError(file, i + 1, $"the '{culture}' section appears twice"));
                }

                continue;
            }

            if (culture is null)
            {
                if (!string.IsNullOrWhiteSpace(lines[i]))
                {
                    throw new ImportException(new ImportError(file, i + 1, "body text must follow a '<!-- culture: vi -->' or '<!-- culture: en -->' line"));
                }

                continue;
            }

            current.Add(new SourceLine(i + 1, lines[i]));
        }

        Close();
        return sections;

        void Close()
        {
            if (culture is not null)
            {
                sections.Add(new BodySection(culture, cultureLine, current));
            }

            current = [];
        }
    }

    internal static string Join(IEnumerable<SourceLine> lines)
    {
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            builder.Append(line.Text).Append('\n');
        }

        return builder.ToString().Trim();
    }

    [GeneratedRegex(@"^\s*<!--\s*culture:\s*([A-Za-z-]+)\s*-->\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex CultureMarker();
}
