using System.Text.Json.Nodes;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Content.Values;
using YamlDotNet.RepresentationModel;
using static VillageCraftPortal.Web.Content.Export.YamlText;

namespace VillageCraftPortal.Web.Content.Export;

/// <summary>
/// The reverse of the importer's FrontMatterMapper: a document's placement and values as front matter, each property
/// in the form the mapper reads for its editor. Properties come in the type's order, the sources group last.
/// </summary>
internal sealed class FrontMatterWriter(ExportMarkdown markdown, IReadOnlyDictionary<Guid, string> documentAliases, IReadOnlyDictionary<Guid, string> mediaAliases)
{
    private static readonly string[] First = ["slug", "name", "summary"];
    private static readonly string[] Last = ["sources", "unverified", "notes"];

    public YamlMappingNode Write(ExportDocument document)
    {
        var front = new YamlMappingNode { { "type", Text(document.Type.Alias) }, { "key", Text(document.Alias) } };
        if (document.ParentAlias is { } parent)
        {
            front.Add("parent", Text(parent));
        }

        if (document.SortOrder != 0)
        {
            front.Add("sort", Number(document.SortOrder));
        }

        foreach (var property in Ordered(document.Type))
        {
            var values = document.Values.GetAll(property.Alias);
            if (values.Count == 0)
            {
                continue;
            }

            try
            {
                front.Add(property.Alias, property.VariesByCulture ? Variants(property, values) : Value(property, values[Cultures.Invariant]));
            }
            catch (ExportException ex)
            {
                throw new ExportException($"{property.Alias}: {ex.Message}");
            }
        }

        return front;
    }

    private static IEnumerable<PropertyType> Ordered(DocumentType type) =>
        type.Properties.Select((property, index) => (Property: property, Index: index))
            .Where(p => p.Property.Alias != "body")
            .OrderBy(p => Rank(p.Property.Alias))
            .ThenBy(p => p.Index)
            .Select(p => p.Property);

    private static int Rank(string alias) =>
        Array.IndexOf(First, alias) is var first and >= 0 ? first - First.Length
        : Array.IndexOf(Last, alias) is var last and >= 0 ? 1 + last
        : 0;

    private YamlNode Variants(PropertyType property, IReadOnlyDictionary<string, JsonNode> values)
    {
        if (values.Count == 1 && values.ContainsKey(Cultures.Default))
        {
            return Value(property, values[Cultures.Default]);
        }

        var mapping = new YamlMappingNode();
        foreach (var culture in Cultures.All.Where(values.ContainsKey))
        {
            mapping.Add(culture, Value(property, values[culture]));
        }

        return mapping;
    }

    private YamlNode Value(PropertyType property, JsonNode node)
    {
        var editor = property.Editor;
        var value = editor.Read(node) ?? throw new ExportException("has no value");
        return value switch
        {
            string html when editor == PropertyEditors.RichText =>
                Text(markdown.ForHtml(html) ?? throw new ExportException("holds HTML that Markdown cannot reproduce exactly")),
            string text => Text(text),
            long number => Number(number),
            double number => Number(number),
            bool flag => Boolean(flag),
            DateOnly date => Date(date),
            GeoPoint point => Geo(point),
            Guid media => Text(mediaAliases[media]),
            List<Guid> keys when editor == PropertyEditors.MediaList => Sequence(keys.Select(k => Text(mediaAliases[k])), flow: true),
            List<Guid> keys => Sequence(keys.Select(k => Text(documentAliases[k])), flow: false),
            List<string> items => Sequence(items.Select(Text), flow: editor == PropertyEditors.ChoiceList),
            List<long> numbers => Sequence(numbers.Select(n => (YamlNode)Number(n)), flow: true),
            OpeningHours hours => OpeningHoursWriter.Write(hours),
            List<CentreZone> zones => Sequence(zones.Select(Zone), flow: false),
            List<SourceRef> sources => Sequence(sources.Select(Source), flow: false),
            _ => throw new ExportException($"a {editor.EditorAlias} value cannot be written"),
        };
    }

    private static YamlMappingNode Geo(GeoPoint point)
    {
        var mapping = new YamlMappingNode().Flow();
        mapping.Add("lat", Number(point.Lat));
        mapping.Add("lng", Number(point.Lng));
        if (point.Approximate)
        {
            mapping.Add("approximate", Boolean(true));
        }

        return mapping;
    }

    private static YamlNode Zone(CentreZone zone)
    {
        var mapping = new YamlMappingNode { { "zone", Text(zone.Zone) } };
        if (zone.Description.Count > 0)
        {
            mapping.Add("description", Localized(zone.Description, flow: false));
        }

        return mapping;
    }

    /// <summary>One entry of sources:, as the importer reads it (products write theirs the same way).</summary>
    internal static YamlNode Source(SourceRef source)
    {
        var mapping = new YamlMappingNode { { "title", Text(source.Title) } };
        if (source.Publisher is { } publisher)
        {
            mapping.Add("publisher", Text(publisher));
        }

        if (source.Url is { } url)
        {
            mapping.Add("url", Text(url));
        }

        if (source.Date is { } date)
        {
            mapping.Add("date", Date(date));
        }

        return mapping;
    }
}
