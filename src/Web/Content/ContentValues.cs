using System.Text.Json;
using System.Text.Json.Nodes;

namespace VillageCraftPortal.Web.Content;

/// <summary>
/// The property values of one document version: alias → culture (or <see cref="Cultures.Invariant"/>) → JSON value.
/// Kept sorted so that the same content always serialises to the same text (versions compare and diff cleanly).
/// </summary>
public sealed class ContentValues
{
    private readonly SortedDictionary<string, SortedDictionary<string, JsonNode>> _values = new(StringComparer.Ordinal);

    public IEnumerable<string> Aliases => _values.Keys;

    public static ContentValues Parse(string json)
    {
        var result = new ContentValues();
        var root = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("Content values must be a JSON object.");
        foreach (var (alias, cultures) in root)
        {
            if (cultures is not JsonObject byCulture)
            {
                throw new JsonException($"Property '{alias}' must map cultures to values.");
            }

            foreach (var (culture, value) in byCulture)
            {
                if (value is not null)
                {
                    result.Set(alias, culture, value.DeepClone());
                }
            }
        }

        return result;
    }

    public ContentValues Clone() => Parse(ToJson());

    public JsonNode? Get(string alias, string culture = Cultures.Invariant) =>
        _values.TryGetValue(alias, out var byCulture) && byCulture.TryGetValue(culture, out var value) ? value : null;

    public IReadOnlyDictionary<string, JsonNode> GetAll(string alias) =>
        _values.TryGetValue(alias, out var byCulture) ? byCulture : new SortedDictionary<string, JsonNode>();

    public string? GetString(string alias, string culture = Cultures.Invariant) =>
        Get(alias, culture) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public ContentValues Set(string alias, string culture, JsonNode? value)
    {
        if (value is null || (value is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s)))
        {
            Remove(alias, culture);
            return this;
        }

        if (!_values.TryGetValue(alias, out var byCulture))
        {
            byCulture = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
            _values[alias] = byCulture;
        }

        byCulture[culture] = value.Parent is null ? value : value.DeepClone();
        return this;
    }

    public ContentValues Set<T>(string alias, string culture, T value) =>
        Set(alias, culture, JsonSerializer.SerializeToNode(value, ContentJson.Options));

    public void Remove(string alias, string culture)
    {
        if (_values.TryGetValue(alias, out var byCulture) && byCulture.Remove(culture) && byCulture.Count == 0)
        {
            _values.Remove(alias);
        }
    }

    public string ToJson()
    {
        var root = new JsonObject();
        foreach (var (alias, byCulture) in _values)
        {
            var cultures = new JsonObject();
            foreach (var (culture, value) in byCulture)
            {
                cultures[culture] = value.DeepClone();
            }

            root[alias] = cultures;
        }

        return root.ToJsonString(ContentJson.Options);
    }

    public bool ContentEquals(ContentValues other) => ToJson() == other.ToJson();
}
