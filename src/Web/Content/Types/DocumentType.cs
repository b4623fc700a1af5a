namespace VillageCraftPortal.Web.Content.Types;

/// <summary>A kind of document, defined in code as in Umbraco: its properties and which kinds it may contain.</summary>
public sealed class DocumentType
{
    private readonly Dictionary<string, PropertyType> _byAlias;

    public DocumentType(string alias, IEnumerable<PropertyType> properties, IReadOnlyList<string> allowedChildren)
    {
        Alias = alias;
        Properties = [.. properties];
        AllowedChildren = allowedChildren;
        _byAlias = Properties.ToDictionary(p => p.Alias, StringComparer.Ordinal);
    }

    public string Alias { get; }

    public IReadOnlyList<PropertyType> Properties { get; }

    public IReadOnlyList<string> AllowedChildren { get; }

    public PropertyType? Find(string alias) => _byAlias.GetValueOrDefault(alias);

    public bool Allows(string childType) => AllowedChildren.Contains(childType);

    public override string ToString() => Alias;
}
