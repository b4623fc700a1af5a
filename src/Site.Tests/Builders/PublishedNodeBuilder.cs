using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Content.Types;

namespace VillageCraftPortal.Site.Tests.Builders;

/// <summary>Builds a published node in memory, the way the snapshot builder reads one from a version.</summary>
public sealed class PublishedNodeBuilder(string contentType)
{
    private readonly ContentValues _values = new();

    public static PublishedNodeBuilder Village() => new(DocumentTypes.Village);

    public PublishedNodeBuilder With(string alias, string culture, string value)
    {
        _values.Set(alias, culture, value);
        return this;
    }

    public PublishedNodeBuilder WithInvariant<T>(string alias, T value)
    {
        _values.Set(alias, Cultures.Invariant, value);
        return this;
    }

    public PublishedNode Build()
    {
        var type = DocumentTypes.Get(contentType);
        var values = new Dictionary<(string Alias, string Culture), object>();
        foreach (var alias in _values.Aliases)
        {
            foreach (var (culture, node) in _values.GetAll(alias))
            {
                values[(alias, culture)] = type.Find(alias)!.Editor.Read(node)!;
            }
        }

        var data = new PublishedNodeData(1, Guid.NewGuid(), null, contentType, null, 0, 1, DateTime.UtcNow, DateTime.UtcNow, _values.ToJson());
        return new PublishedNode(data, values);
    }
}
