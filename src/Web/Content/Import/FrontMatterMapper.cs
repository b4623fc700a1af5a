using System.Text.Json.Nodes;
using VillageCraftPortal.Web.Content.Html;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Content.Values;
using YamlDotNet.RepresentationModel;

namespace VillageCraftPortal.Web.Content.Import;

/// <summary>References the mapper resolves: media aliases to keys, and which document aliases exist.</summary>
public interface IImportReferences
{
    Guid? Media(string key);

    bool DocumentExists(string key);
}

/// <summary>Reads a document's front matter into property values, checking each against its document type.</summary>
public sealed class FrontMatterMapper(ContentHtml html, IImportReferences references)
{
    /// <summary>Front-matter keys that place the document rather than being properties.</summary>
    public static readonly IReadOnlySet<string> PlacementKeys = new HashSet<string>(StringComparer.Ordinal) { "type", "key", "parent", "sort" };

    public ContentValues Map(DocumentFile file, DocumentType type)
    {
        var yaml = file.Yaml;
        var values = new ContentValues();
        foreach (var (keyNode, valueNode) in file.FrontMatter.Children)
        {
            var key = yaml.Scalar(keyNode, "a key");
            if (PlacementKeys.Contains(key))
            {
                continue;
            }

            var property = type.Find(key) ?? throw yaml.Error(keyNode, $"'{key}' is not a property of {type.Alias}");
            if (property.VariesByCulture)
            {
                foreach (var (culture, node) in CultureValues(yaml, valueNode, key))
                {
                    values.Set(key, culture, Convert(yaml, property, node));
                }
            }
            else
            {
                values.Set(key, Cultures.Invariant, Convert(yaml, property, valueNode));
            }
        }

        return values;
    }

    private static IEnumerable<(string Culture, YamlNode Node)> CultureValues(YamlContext yaml, YamlNode node, string key)
    {
        if (node is not YamlMappingNode mapping)
        {
            yield return (Cultures.Default, node);
            yield break;
        }

        foreach (var (cultureNode, value) in mapping.Children)
        {
            var culture = yaml.Scalar(cultureNode, key);
            if (!Cultures.IsSupported(culture))
            {
                throw yaml.Error(cultureNode, $"unknown culture '{culture}' in {key} (use vi or en)");
            }

            yield return (culture, value);
        }
    }

    private JsonNode? Convert(YamlContext yaml, PropertyType property, YamlNode node)
    {
        var alias = property.Alias;
        var editor = property.Editor;
        if (editor == PropertyEditors.RichText)
        {
            return html.FromMarkdown(yaml.Scalar(node, alias));
        }

        if (editor == PropertyEditors.WholeNumber)
        {
            return yaml.WholeNumber(node, alias);
        }

        if (editor == PropertyEditors.Number)
        {
            return yaml.Number(node, alias);
        }

        if (editor == PropertyEditors.Toggle)
        {
            return yaml.Boolean(node, alias);
        }

        if (editor == PropertyEditors.DatePicker)
        {
            return Json(yaml.Date(node, alias));
        }

        if (editor == PropertyEditors.Geo)
        {
            return Json(ReadGeo(yaml, node, alias));
        }

        if (editor == PropertyEditors.MediaPicker)
        {
            return Json(MediaKey(yaml, node));
        }

        if (editor == PropertyEditors.MediaList)
        {
            return Json(yaml.Sequence(node, alias).Children.Select(n => MediaKey(yaml, n)).ToList());
        }

        if (editor == PropertyEditors.ContentList)
        {
            return Json(yaml.Sequence(node, alias).Children.Select(n => DocumentKey(yaml, n)).ToList());
        }

        if (editor == PropertyEditors.ChoiceList || editor == PropertyEditors.StringList)
        {
            return Json(yaml.ScalarList(node, alias));
        }

        if (editor == PropertyEditors.WholeNumberList)
        {
            return Json(yaml.Sequence(node, alias).Children.Select(n => yaml.WholeNumber(n, alias)).ToList());
        }

        if (editor == PropertyEditors.Hours)
        {
            return Json(OpeningHoursReader.Read(yaml, yaml.Mapping(node, alias)));
        }

        if (editor == PropertyEditors.Zones)
        {
            return Json(yaml.Sequence(node, alias).Children.Select(n => ReadZone(yaml, n)).ToList());
        }

        if (editor == PropertyEditors.Sources)
        {
            return Json(yaml.Sequence(node, alias).Children.Select(n => ReadSource(yaml, n)).ToList());
        }

        return yaml.Scalar(node, alias).Trim();
    }

    private static JsonNode? Json<T>(T value) => System.Text.Json.JsonSerializer.SerializeToNode(value, ContentJson.Options);

    private Guid MediaKey(YamlContext yaml, YamlNode node)
    {
        var alias = yaml.Scalar(node, "a media key");
        return references.Media(alias) ?? throw yaml.Error(node, $"no media item '{alias}' (add media/{alias}.jpg with its {alias}.yml)");
    }

    private Guid DocumentKey(YamlContext yaml, YamlNode node)
    {
        var alias = yaml.Scalar(node, "a document key");
        return references.DocumentExists(alias) ? StableKeys.ForDocument(alias) : throw yaml.Error(node, $"no document with key '{alias}'");
    }

    private static GeoPoint ReadGeo(YamlContext yaml, YamlNode node, string alias)
    {
        var mapping = yaml.Mapping(node, alias);
        var lat = YamlContext.Get(mapping, "lat") ?? throw yaml.Error(node, $"{alias} needs lat");
        var lng = YamlContext.Get(mapping, "lng") ?? throw yaml.Error(node, $"{alias} needs lng");
        var approximate = YamlContext.Get(mapping, "approximate") is { } a && yaml.Boolean(a, "approximate");
        var point = new GeoPoint(yaml.Number(lat, "lat"), yaml.Number(lng, "lng"), approximate);
        return point.IsInVietnam ? point : throw yaml.Error(node, $"{alias} ({point.Lat}, {point.Lng}) is not in Việt Nam");
    }

    private static CentreZone ReadZone(YamlContext yaml, YamlNode node)
    {
        var mapping = yaml.Mapping(node, "a zone");
        var zone = yaml.OptionalScalar(mapping, "zone") ?? throw yaml.Error(node, "a zone needs zone:");
        if (!CentreZone.Required.Contains(zone))
        {
            throw yaml.Error(node, $"unknown zone '{zone}' ({string.Join(", ", CentreZone.Required)})");
        }

        var description = YamlContext.Get(mapping, "description") is { } d ? yaml.Localized(d, "description") : [];
        return new CentreZone(zone, description);
    }

    /// <summary>One entry of sources: (title, publisher, url, date); products read theirs the same way.</summary>
    internal static SourceRef ReadSource(YamlContext yaml, YamlNode node)
    {
        var mapping = yaml.Mapping(node, "a source");
        var title = yaml.OptionalScalar(mapping, "title") ?? throw yaml.Error(node, "a source needs a title");
        var url = yaml.OptionalScalar(mapping, "url");
        if (url is not null && !PropertyEditors.IsWebUrl(url))
        {
            throw yaml.Error(node, $"source url '{url}' is not an http(s) address");
        }

        var date = YamlContext.Get(mapping, "date") is { } d ? yaml.Date(d, "date") : (DateOnly?)null;
        return new SourceRef(title, yaml.OptionalScalar(mapping, "publisher"), url, date);
    }
}
