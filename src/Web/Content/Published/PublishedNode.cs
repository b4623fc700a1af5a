using VillageCraftPortal.Web.Content.Types;

namespace VillageCraftPortal.Web.Content.Published;

/// <summary>
/// A published document as the public site reads it: immutable, with its values already read into CLR types and
/// its URL per culture. Built once per snapshot; never touches the database.
/// </summary>
public sealed class PublishedNode
{
    private readonly Dictionary<(string Alias, string Culture), object> _values;
    private readonly List<PublishedNode> _children = [];

    internal PublishedNode(PublishedNodeData data, Dictionary<(string Alias, string Culture), object> values)
    {
        Id = data.Id;
        Key = data.Key;
        Alias = data.Alias;
        Type = DocumentTypes.Get(data.ContentType);
        ParentId = data.ParentId;
        Level = data.Level;
        SortOrder = data.SortOrder;
        UpdatedAt = data.UpdatedAt;
        PublishedAt = data.PublishedAt;
        _values = values;
    }

    public int Id { get; }

    public Guid Key { get; }

    public string? Alias { get; }

    public DocumentType Type { get; }

    public string ContentType => Type.Alias;

    public int? ParentId { get; }

    public int Level { get; }

    public int SortOrder { get; }

    public DateTime UpdatedAt { get; }

    public DateTime PublishedAt { get; }

    public PublishedNode? Parent { get; private set; }

    public IReadOnlyList<PublishedNode> Children => _children;

    /// <summary>The path of this page in each culture, e.g. "/en/villages/bat-trang".</summary>
    public IReadOnlyDictionary<string, string> Paths { get; private set; } = new Dictionary<string, string>();

    public string Url(string culture) => Paths.TryGetValue(culture, out var path) ? path : Paths[Cultures.Default];

    public Localized<string> Name(string culture) => Text("name", culture);

    public Localized<string> Text(string alias, string culture)
    {
        var found = Value<string>(alias, culture);
        return new Localized<string>(found.Value ?? string.Empty, found.Culture, found.IsFallback);
    }

    /// <summary>A culture-variant value, falling back to Vietnamese.</summary>
    public Localized<T?> Value<T>(string alias, string culture)
    {
        foreach (var candidate in Cultures.FallbackChain(culture))
        {
            if (_values.TryGetValue((alias, candidate), out var value) && value is T typed)
            {
                return new Localized<T?>(typed, candidate, candidate != culture);
            }
        }

        return new Localized<T?>(default, culture, false);
    }

    /// <summary>A value that does not vary by culture.</summary>
    public T? Value<T>(string alias) =>
        _values.TryGetValue((alias, Cultures.Invariant), out var value) && value is T typed ? typed : default;

    public bool Has(string alias) => _values.Keys.Any(k => k.Alias == alias);

    public IEnumerable<PublishedNode> Ancestors()
    {
        for (var node = Parent; node is not null; node = node.Parent)
        {
            yield return node;
        }
    }

    public IEnumerable<PublishedNode> ChildrenOfType(string contentType) => _children.Where(c => c.ContentType == contentType);

    public PublishedNode? AncestorOfType(string contentType) => Ancestors().FirstOrDefault(a => a.ContentType == contentType);

    internal void Attach(PublishedNode? parent, IReadOnlyDictionary<string, string> paths)
    {
        Parent = parent;
        Paths = paths;
        parent?._children.Add(this);
    }

    internal void SortChildren() => _children.Sort((a, b) => a.SortOrder != b.SortOrder ? a.SortOrder.CompareTo(b.SortOrder) : a.Id.CompareTo(b.Id));

    public override string ToString() => $"{ContentType} {Alias ?? Key.ToString()}";
}

/// <summary>The row data a node is built from.</summary>
internal sealed record PublishedNodeData(
    int Id, Guid Key, string? Alias, string ContentType, int? ParentId, int Level, int SortOrder,
    DateTime UpdatedAt, DateTime PublishedAt, string Values);
