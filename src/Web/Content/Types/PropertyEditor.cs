using System.Text.Json;
using System.Text.Json.Nodes;

namespace VillageCraftPortal.Web.Content.Types;

/// <summary>
/// How a property's value is stored, validated and read (Umbraco's "property editor" idea). Values are JSON in the
/// version row; the published snapshot reads them once into CLR values.
/// </summary>
public abstract class PropertyEditor
{
    public abstract string EditorAlias { get; }

    public abstract Type ValueType { get; }

    /// <summary>Reads a stored value into its CLR type. Throws <see cref="JsonException"/> when it has the wrong shape.</summary>
    public abstract object? Read(JsonNode node);

    /// <summary>Problems with a value of the right shape (a bad URL, an unknown choice...).</summary>
    public virtual IEnumerable<string> Check(object value, PropertyType type) => [];

    public IReadOnlyList<string> Validate(JsonNode node, PropertyType type)
    {
        object? value;
        try
        {
            value = Read(node);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            return ["validation.format"];
        }

        return value is null ? ["validation.format"] : [.. Check(value, type)];
    }
}

public class PropertyEditor<T> : PropertyEditor
{
    private readonly Func<T, PropertyType, IEnumerable<string>>? _check;

    public PropertyEditor(string alias, Func<T, PropertyType, IEnumerable<string>>? check = null)
    {
        EditorAlias = alias;
        _check = check;
    }

    public override string EditorAlias { get; }

    public override Type ValueType => typeof(T);

    public override object? Read(JsonNode node) => node.Deserialize<T>(ContentJson.Options);

    public override IEnumerable<string> Check(object value, PropertyType type) =>
        _check is null ? [] : _check((T)value, type);
}
