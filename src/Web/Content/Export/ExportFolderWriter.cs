using System.Text;
using System.Text.Json;
using VillageCraftPortal.Web.Content.Html;
using VillageCraftPortal.Web.Content.Import;
using VillageCraftPortal.Web.Content.Values;
using VillageCraftPortal.Web.Media;
using YamlDotNet.RepresentationModel;
using static VillageCraftPortal.Web.Content.Export.YamlText;

namespace VillageCraftPortal.Web.Content.Export;

/// <summary>
/// Writes an export into a folder: a Markdown file per document and per product, each image's master with its
/// sidecar, and holidays.yml. Returns every value that could not be written, with its file.
/// </summary>
public sealed class ExportFolderWriter(ContentHtml html)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public async Task<IReadOnlyList<string>> WriteAsync(ExportContent content, string folder, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var markdown = new ExportMarkdown(html);
        var mediaAliases = content.Media.ToDictionary(m => StableKeys.ForMedia(m.Alias), m => m.Alias);
        var frontMatter = new FrontMatterWriter(markdown, content.Documents.ToDictionary(d => StableKeys.ForDocument(d.Alias), d => d.Alias), mediaAliases);
        var body = new BodyBlockWriter(markdown, mediaAliases);
        foreach (var document in content.Documents)
        {
            try
            {
                await WriteTextAsync(folder, document.File, DocumentText(document, frontMatter, body), cancellationToken);
            }
            catch (ExportException ex)
            {
                problems.Add($"{document.File}: {ex.Message}");
            }
        }

        foreach (var media in content.Media)
        {
            if (!File.Exists(media.MasterPath))
            {
                problems.Add($"{media.File}: its master {media.MasterPath} is missing from the data directory");
                continue;
            }

            var target = Path.Combine(folder, media.File);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(media.MasterPath, target);
            await WriteTextAsync(folder, media.Sidecar, Write(Sidecar(media, await MediaOriginals.HashAsync(target, cancellationToken))), cancellationToken);
        }

        foreach (var product in content.Products)
        {
            await WriteTextAsync(folder, product.File, ProductFileWriter.FileText(product.Product), cancellationToken);
        }

        await WriteTextAsync(folder, HolidaysReader.FileName, Write(Holidays(content.Holidays)), cancellationToken);
        return problems;
    }

    private static string DocumentText(ExportDocument document, FrontMatterWriter frontMatter, BodyBlockWriter body)
    {
        var text = new StringBuilder("---\n").Append(Write(frontMatter.Write(document))).Append("---\n");
        var bodies = document.Values.GetAll("body");
        foreach (var culture in Cultures.All.Where(bodies.ContainsKey))
        {
            try
            {
                var list = bodies[culture].Deserialize<List<Block>>(ContentJson.Options) ?? [];
                text.Append(culture == Cultures.All.First(bodies.ContainsKey) ? string.Empty : "\n")
                    .Append("<!-- culture: ").Append(culture).Append(" -->\n").Append(body.Write(list)).Append('\n');
            }
            catch (ExportException ex)
            {
                throw new ExportException($"body ({culture}): {ex.Message}");
            }
        }

        return text.ToString();
    }

    /// <summary>The sidecar of an image: its texts, and the master block that keeps its hash (its id in media URLs) on import.</summary>
    private static YamlMappingNode Sidecar(ExportMedia media, string fileHash)
    {
        var sidecar = new YamlMappingNode { { "alt", Localized(media.Alt, flow: false) } };
        if (media.Caption.Count > 0)
        {
            sidecar.Add("caption", Localized(media.Caption, flow: false));
        }

        if (media.Credit is { } credit)
        {
            sidecar.Add("credit", Text(credit));
        }

        if (media.Licence is { } licence)
        {
            sidecar.Add("licence", Text(licence));
        }

        if ((media.FocalX, media.FocalY) != (0.5, 0.5))
        {
            sidecar.Add("focalPoint", new YamlMappingNode { { "x", Number(media.FocalX) }, { "y", Number(media.FocalY) } }.Flow());
        }

        sidecar.Add("master", new YamlMappingNode { { "uploadHash", Text(media.UploadHash) }, { "fileHash", Text(fileHash) } });
        return sidecar;
    }

    private static YamlMappingNode Holidays(IReadOnlyList<PublicHoliday> holidays) => new()
    {
        {
            "holidays", Sequence(holidays.Select(h =>
            {
                var entry = h.To == h.From
                    ? new YamlMappingNode { { "date", Date(h.From) } }
                    : new YamlMappingNode { { "from", Date(h.From) }, { "to", Date(h.To) } };
                entry.Add("name", Localized(h.Name, flow: true));
                return (YamlNode)entry;
            }), flow: false)
        },
    };

    private static async Task WriteTextAsync(string folder, string relativePath, string text, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, text, Utf8, cancellationToken);
    }
}
