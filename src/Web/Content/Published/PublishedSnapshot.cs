using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Content.Values;

namespace VillageCraftPortal.Web.Content.Published;

/// <summary>Where a redirect leads: a document (its current URL in a culture) or a fixed URL.</summary>
public sealed record RedirectTarget(Guid? DocumentKey, string? Culture, string? Url);

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
        : this(version, builtAt, nodes, media, holidays, [])
    {
    }

    internal PublishedSnapshot(long version, DateTime builtAt, IReadOnlyList<PublishedNode> nodes, IEnumerable<PublishedMedia> media, HolidayCalendar holidays, IReadOnlyList<PublishedNodeData> rows)
    {
        Rows = rows;
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

    /// <summary>The rows the nodes were built from (kept so that a preview can swap one node for its draft).</summary>
    internal IReadOnlyList<PublishedNodeData> Rows { get; }

    /// <summary>Redirects by old path (lower-case): to a document's current URL, or to a fixed URL.</summary>
    internal IReadOnlyDictionary<string, RedirectTarget> Redirects { get; init; } = new Dictionary<string, RedirectTarget>();

    /// <summary>Where an old path now leads, if anywhere (a document that was unpublished leads nowhere).</summary>
    public string? RedirectFor(string path)
    {
        if (!Redirects.TryGetValue(path.ToLowerInvariant().TrimEnd('/'), out var target))
        {
            return null;
        }

        return target.Url ?? (target.DocumentKey is { } key && ByKey(key) is { } node ? node.Url(target.Culture ?? Cultures.Default) : null);
    }

    /// <summary>True for a snapshot made to preview a draft: never cached, never indexed.</summary>
    public bool IsPreview { get; init; }

    /// <summary>The id of the newest outbox event this snapshot includes.</summary>
    public long Version { get; }

    public DateTime BuiltAt { get; }

    public IReadOnlyList<PublishedNode> Nodes { get; }

    public PublishedNode? Root { get; }

    public HolidayCalendar Holidays { get; }

    public PublishedNode? ById(int id) => _byId.GetValueOrDefault(id);

    public PublishedNode? ByKey(Guid key) => _byKey.GetValueOrDefault(key);

    public PublishedNode? ByAlias(string alias) => _byAlias.GetValueOrDefault(alias);

    /// <summary>A village by its code ("bat-trang"): villages carry the alias "village-{code}".</summary>
    public PublishedNode? Village(string code) => ByAlias(DocumentTypes.VillageAliasPrefix + code);

    /// <summary>A village's design centre, which sells its products and fulfils its orders.</summary>
    public PublishedNode? CentreOf(string villageCode) => Village(villageCode)?.ChildrenOfType(DocumentTypes.DesignCentre).FirstOrDefault();

    /// <summary>Finds a page by its path in a culture, e.g. ("en", "/en/villages/bat-trang").</summary>
    public PublishedNode? ByPath(string culture, string path) =>
        _byPath.TryGetValue(culture, out var paths) ? paths.GetValueOrDefault(path.TrimEnd('/')) : null;

    public IEnumerable<PublishedNode> OfType(string contentType) => Nodes.Where(n => n.ContentType == contentType);

    public PublishedMedia? Media(Guid key) => _media.GetValueOrDefault(key);

    /// <summary>The media items whose master has this URL id (the same file uploaded twice is one master).</summary>
    public IEnumerable<PublishedMedia> MediaByUrlId(string urlId) => _mediaByUrlId[urlId];

    public IEnumerable<PublishedMedia> AllMedia => _media.Values;
}
