using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace VillageCraftPortal.Web.Content.Export;

/// <summary>
/// Builds and writes YAML through YamlDotNet's emitter, which quotes whatever needs quoting. Strings that other YAML
/// readers would take for a number, a date, a boolean or null are double-quoted too, though our importer reads every
/// value as text.
/// </summary>
internal static class YamlText
{
    private static readonly HashSet<string> NotText = new(StringComparer.OrdinalIgnoreCase)
    {
        "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", "=", "<<",
    };

    public static YamlScalarNode Text(string value) => new(value) { Style = StyleFor(value) };

    /// <summary>A number, a date or a boolean, written without quotes.</summary>
    public static YamlScalarNode Plain(string value) => new(value) { Style = ScalarStyle.Plain };

    public static YamlScalarNode Number(long value) => Plain(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>The shortest text that reads back as the same double.</summary>
    public static YamlScalarNode Number(double value) => Plain(value.ToString("R", CultureInfo.InvariantCulture));

    public static YamlScalarNode Boolean(bool value) => Plain(value ? "true" : "false");

    public static YamlScalarNode Date(DateOnly value) => Plain(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static YamlSequenceNode Sequence(IEnumerable<YamlNode> items, bool flow)
    {
        var sequence = new YamlSequenceNode(items);
        sequence.Style = flow || sequence.Children.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block;
        return sequence;
    }

    /// <summary>Text in several cultures, in its stored order; a Vietnamese-only text as a plain value, as the importer allows.</summary>
    public static YamlNode Localized(IEnumerable<KeyValuePair<string, string>> text, bool flow)
    {
        var entries = text.ToList();
        if (entries is [{ Key: Cultures.Default } only])
        {
            return Text(only.Value);
        }

        var mapping = new YamlMappingNode { Style = flow ? MappingStyle.Flow : MappingStyle.Block };
        foreach (var (culture, value) in entries)
        {
            mapping.Add(culture, Text(value));
        }

        return mapping;
    }

    public static YamlMappingNode Flow(this YamlMappingNode mapping)
    {
        mapping.Style = MappingStyle.Flow;
        return mapping;
    }

    public static string Write(YamlNode root)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings().WithBestWidth(int.MaxValue).WithNewLine("\n").WithIndentedSequences());
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void Emit(IEmitter emitter, YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, scalar.Value ?? string.Empty, scalar.Style, isPlainImplicit: true, isQuotedImplicit: true));
                break;
            case YamlSequenceNode sequence:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, sequence.Style));
                foreach (var child in sequence.Children)
                {
                    Emit(emitter, child);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case YamlMappingNode mapping:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, mapping.Style));
                foreach (var (key, value) in mapping.Children)
                {
                    Emit(emitter, key);
                    Emit(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            default:
                throw new ArgumentException($"Unexpected YAML node {node.GetType().Name}.", nameof(node));
        }
    }

    private static ScalarStyle StyleFor(string value)
    {
        var controls = value.Any(c => char.IsControl(c) && c != '\n');
        if (value.Contains('\n', StringComparison.Ordinal) && !controls && value.Trim() == value)
        {
            return ScalarStyle.Literal;
        }

        // The emitter drops a leading tab of a plain value, and a plain value that looks like a number or a boolean
        // would be read as one by other YAML tools: double quotes keep both exactly.
        return controls || value.Trim() != value || value.Length == 0 || NotText.Contains(value) || LooksNumeric(value)
            ? ScalarStyle.DoubleQuoted
            : ScalarStyle.Any;
    }

    private static bool LooksNumeric(string value) =>
        char.IsAsciiDigit(value[0]) || (value.Length > 1 && value[0] is '+' or '-' or '.' && (char.IsAsciiDigit(value[1]) || value[1] == '.'));
}
