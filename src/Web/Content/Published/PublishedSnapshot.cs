using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Content.Values;

namespace VillageCraftPortal.Web.Content.Published;

/// <summary>
/// Everything published, in memory, immutable. Pages read only this; a publish builds a new one and swaps it in.
/// </summary>
public sealed class PublishedSnapshot
{
    private readonly Dictionary<int, PublishedNode> _byId;
    private readonly Dictionary<Guid, PublishedNode> _byKey;
    private readonly Dictionary<string, PublishedNode> _byAlias;
    private readonly Dictionary<string, Dictionary<string, PublishedNode>> _byPath;
    private readonly Dictionary<Guid, PublishedMedia> _media;
    private readonly ILookup<string, PublishedMedia> _mediaByUrlId;

    public PublishedSnapshot(long version, DateTime builtAt, IReadOnlyList<PublishedNode> nodes, IEnumerable<PublishedMedia> media, HolidayCalendar holidays)
    {
        Version = version;
        BuiltAt = builtAt;
        Nodes = nodes;
        Holidays = holidays;
        _byId = nodes.ToDictionary(n => n.Id);
        _byKey = nodes.ToDictionary(n => n.Key);
        _byAlias = nodes.Where(n => n.Alias is not null).ToDictionary(n => n.Alias!, StringComparer.Ordinal);
        _byPath = Cultures.All.ToDictionary(
            c => c,
            c => nodes.Where(n => n.Paths.ContainsKey(c)).ToDictionary(n => n.Paths[c], StringComparer.OrdinalIgnoreCase),
            StringComparer.Ordinal);
        _media = media.ToDictionary(m => m.Key);
        _mediaByUrlId = _media.Values.ToLookup(m => m.UrlId, StringComparer.Ordinal);
        Root = nodes.FirstOrDefault(n => n.ParentId is null && n.ContentType == DocumentTypes.Home);
    }

    public static PublishedSnapshot Empty { get; } = new(0, DateTime.MinValue, [], [], HolidayCalendar.Empty);

    /// <summary>The id of the newest outbox event this snapshot includes.</summary>
    public long Version { get; }

    public DateTime BuiltAt { get; }

    public IReadOnlyList<PublishedNode> Nodes { get; }

    public PublishedNode? Root { get; }

    public HolidayCalendar Holidays { get; }

    public PublishedNode? ById(int id) => _byId.GetValueOrDefault(id);

    public PublishedNode? ByKey(Guid key) => _byKey.GetValueOrDefault(key);

    public PublishedNode? ByAlias(string alias) => _byAlias.GetValueOrDefault(alias);

    /// <summary>Finds a page by its path in a culture, e.g. ("en", "/en/villages/bat-trang").</summary>
    public PublishedNode? ByPath(string culture, string path) =>
        _byPath.TryGetValue(culture, out var paths) ? paths.GetValueOrDefault(path.TrimEnd('/')) : null;

    public IEnumerable<PublishedNode> OfType(string contentType) => Nodes.Where(n => n.ContentType == contentType);

    public PublishedMedia? Media(Guid key) => _media.GetValueOrDefault(key);

    /// <summary>The media items whose master has this URL id (the same file uploaded twice is one master).</summary>
    public IEnumerable<PublishedMedia> MediaByUrlId(string urlId) => _mediaByUrlId[urlId];

    public IEnumerable<PublishedMedia> AllMedia => _media.Values;
}
