using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VillageCraftPortal.Web.Content.Import;

/// <summary>Reads YAML nodes of one file, turning every problem into an error with the file's own line number.</summary>
public sealed class YamlContext(string file, int lineOffset)
{
    public string File { get; } = file;

    public static YamlMappingNode ParseMapping(string yaml, YamlContext context)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw context.Error(ex.Start.Line, $"invalid YAML: {ex.InnerException?.Message ?? ex.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            throw context.Error(1, "expected a YAML mapping (key: value lines)");
        }

        return mapping;
    }

    public ImportException Error(YamlNode node, string reason) => Error(node.Start.Line, reason);

    public ImportException Error(long yamlLine, string reason) =>
        new(new ImportError(File, (int)yamlLine + lineOffset, reason));

    public static YamlNode? Get(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public string Scalar(YamlNode node, string what)
    {
        if (node is not YamlScalarNode { Value: { } value })
        {
            throw Error(node, $"{what} must be a single value");
        }

        return value;
    }

    public string? OptionalScalar(YamlMappingNode mapping, string key) =>
        Get(mapping, key) is { } node ? Scalar(node, key) : null;

    /// <summary>Refuses a key that is not one of <paramref name="fields"/> (a typo would otherwise be ignored).</summary>
    public void RefuseUnknown(YamlMappingNode mapping, IReadOnlyList<string> fields, string what)
    {
        foreach (var keyNode in mapping.Children.Keys)
        {
            var key = Scalar(keyNode, what);
            if (!fields.Contains(key))
            {
                throw Error(keyNode, $"'{key}' is not {what} ({string.Join(", ", fields)})");
            }
        }
    }

    public YamlMappingNode Mapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping (key: value)");

    public YamlSequenceNode Sequence(YamlNode node, string what) =>
        node as YamlSequenceNode ?? throw Error(node, $"{what} must be a list");

    public IReadOnlyList<string> ScalarList(YamlNode node, string what)
    {
        // A single value is accepted as a one-item list.
        if (node is YamlScalarNode)
        {
            return [Scalar(node, what)];
        }

        return [.. Sequence(node, what).Children.Select(child => Scalar(child, what))];
    }

    public long WholeNumber(YamlNode node, string what) =>
        long.TryParse(Scalar(node, what), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(node, $"{what} must be a whole number");

    public double Number(YamlNode node, string what) =>
        double.TryParse(Scalar(node, what), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Error(node, $"{what} must be a number");

    public bool Boolean(YamlNode node, string what) => Scalar(node, what).ToLowerInvariant() switch
    {
        "true" or "yes" => true,
        "false" or "no" => false,
        _ => throw Error(node, $"{what} must be true or false"),
    };

    public DateOnly Date(YamlNode node, string what) =>
        DateOnly.TryParseExact(Scalar(node, what), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Error(node, $"{what} must be a date written YYYY-MM-DD");

    /// <summary>A culture map { vi: ..., en: ... }; a plain value is Vietnamese.</summary>
    public LocalizedText Localized(YamlNode node, string what)
    {
        var text = new LocalizedText();
        if (node is YamlScalarNode)
        {
            text[Cultures.Default] = Scalar(node, what);
            return text;
        }

        foreach (var (key, value) in Mapping(node, what).Children)
        {
            var culture = Scalar(key, what);
            if (!Cultures.IsSupported(culture))
            {
                throw Error(key, $"unknown culture '{culture}' in {what} (use vi or en)");
            }

            text[culture] = Scalar(value, $"{what} ({culture})");
        }

        return text;
    }
}
