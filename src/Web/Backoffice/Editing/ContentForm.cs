using System.Text.Json;
using System.Text.Json.Nodes;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Types;

namespace VillageCraftPortal.Web.Backoffice.Editing;

/// <summary>
/// The edit form of a document, generated from its type: one field per property, one input per culture side by side
/// for properties that vary by culture. Field names follow "f.{alias}.{culture or inv}[.{part}]".
/// </summary>
public sealed class ContentForm
{
    public const string Invariant = "inv";

    public ContentForm(DocumentType type, ContentValues values, Func<string?, bool> canEdit, IReadOnlyList<ValidationProblem>? problems = null, IFormCollection? posted = null)
    {
        Type = type;
        Values = values;
        CanEdit = canEdit;
        Problems = problems ?? [];
        Posted = posted;
    }

    /// <summary>
    /// What the user sent, when the form is shown again (errors, a conflict, a block moved without JavaScript):
    /// every input shows what they typed, so nothing they wrote is lost.
    /// </summary>
    public IFormCollection? Posted { get; }

    /// <summary>Block lists changed by a no-JavaScript block action, by property and culture.</summary>
    public Dictionary<(string Alias, string Culture), List<BlockDraft>> BlockOverrides { get; } = [];

    public string Value(string name, string fallback) => Posted is null ? fallback : Posted[name].ToString();

    public bool IsChecked(string name, string value, bool fallback) => Posted is null ? fallback : Posted[name].Contains(value);

    public DocumentType Type { get; }

    public ContentValues Values { get; }

    /// <summary>Whether the user may edit a culture (null: the invariant values).</summary>
    public Func<string?, bool> CanEdit { get; }

    public IReadOnlyList<ValidationProblem> Problems { get; }

    public IEnumerable<IGrouping<string, PropertyType>> Groups => Type.Properties.GroupBy(p => p.Group);

    public static string FieldName(PropertyType property, string? culture, string? part = null) =>
        $"f.{property.Alias}.{culture ?? Invariant}" + (part is null ? string.Empty : "." + part);

    public static string FieldId(PropertyType property, string? culture, string? part = null) =>
        FieldName(property, culture, part).Replace('.', '-');

    private static readonly string?[] InvariantOnly = [null];
    private static readonly string?[] EachCulture = [.. Cultures.All];

    public static IReadOnlyList<string?> CulturesOf(PropertyType property) =>
        property.VariesByCulture ? EachCulture : InvariantOnly;

    public JsonNode? Raw(PropertyType property, string? culture) => Values.Get(property.Alias, culture ?? Cultures.Invariant);

    public string Text(PropertyType property, string? culture) => Raw(property, culture) switch
    {
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        JsonValue value => value.ToJsonString(ContentJson.Options),
        null => string.Empty,
        var node => node.ToJsonString(ContentJson.Options),
    };

    public T? Typed<T>(PropertyType property, string? culture)
    {
        try
        {
            return Raw(property, culture) is { } node ? node.Deserialize<T>(ContentJson.Options) : default;
        }
        catch (JsonException)
        {
            return default;
        }
    }

    public IEnumerable<ValidationProblem> ProblemsFor(PropertyType property, string? culture) =>
        Problems.Where(p => p.Property == property.Alias && p.Culture == culture);
}
