using VillageCraftPortal.Web.Content.Editing;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Media;

namespace VillageCraftPortal.Web.Content.Export;

/// <summary>A published document on its way to a file.</summary>
internal sealed class ExportNode(int id, Guid key, string? alias, DocumentType? type, int? parentId, int sortOrder, ContentValues values)
{
    public int Id { get; } = id;

    public Guid Key { get; } = key;

    public string? Alias { get; set; } = alias;

    public DocumentType? Type { get; } = type;

    public int? ParentId { get; } = parentId;

    public ExportNode? Parent { get; set; }

    public int SortOrder { get; } = sortOrder;

    public ContentValues Values { get; set; } = values;

    public string? File { get; set; }

    /// <summary>The slug of the English URL (its own, else the Vietnamese one), or null when it has none.</summary>
    public string? Slug(string culture) => PublishingService.EffectiveSlugs(Values).GetValueOrDefault(culture);
}

/// <summary>
/// Where each document and image goes in the folder, and the keys of those that have none (made in the backoffice):
/// see "Exporting" in umbraco-content/README.md.
/// </summary>
internal static class ExportLayout
{
    public const string SiteFolder = "site";
    private const string VillagePrefix = "village-";
    private const int KeySlugLength = 60;

    /// <summary>The documents the public sees, parents first, siblings in their order: roots and their published descendants.</summary>
    public static List<ExportNode> Tree(List<ExportNode> published)
    {
        var byParent = published.Where(n => n.ParentId is not null).ToLookup(n => n.ParentId!.Value);
        var result = new List<ExportNode>();
        var queue = new Queue<ExportNode>(published.Where(n => n.ParentId is null && n.Type is not null).OrderBy(n => n.SortOrder).ThenBy(n => n.Id));
        while (queue.TryDequeue(out var node))
        {
            result.Add(node);
            foreach (var child in byParent[node.Id].Where(c => c.Type is not null).OrderBy(c => c.SortOrder).ThenBy(c => c.Id))
            {
                child.Parent = node;
                queue.Enqueue(child);
            }
        }

        return result;
    }

    /// <summary>Keeps each readable alias; a document without one gets its Vietnamese slug and the start of its GUID.</summary>
    public static void AssignAliases(List<ExportNode> nodes)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            node.Alias = Slugs.IsValid(node.Alias) && node.Alias!.Length <= 100 && taken.Add(node.Alias) ? node.Alias : null;
        }

        foreach (var node in nodes.Where(n => n.Alias is null))
        {
            var prefix = node.Type!.Alias == DocumentTypes.Village ? VillagePrefix : string.Empty;
            node.Alias = Generated(prefix + (node.Slug(Cultures.Default) ?? Slugs.Slugify(node.Type.Alias)), node.Key, taken);
        }
    }

    /// <summary>The same for media: its alias, or its folder and the start of its GUID.</summary>
    public static Dictionary<int, string> MediaAliases(IReadOnlyList<MediaItem> media)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var result = new Dictionary<int, string>();
        foreach (var item in media.Where(m => Slugs.IsValid(m.Alias) && m.Alias!.Length <= 100 && !taken.Contains(m.Alias)))
        {
            taken.Add(item.Alias!);
            result[item.Id] = item.Alias!;
        }

        foreach (var item in media.Where(m => !result.ContainsKey(m.Id)))
        {
            result[item.Id] = Generated(Slugs.Slugify(item.Folder) is { Length: > 0 } folder ? folder : "media", item.Key, taken);
        }

        return result;
    }

    /// <summary>Villages in their own folders with their centre and experiences; every other page under site/ by its English path.</summary>
    public static void AssignFiles(List<ExportNode> nodes)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in nodes)
        {
            var preferred = PreferredFile(node);
            var directory = preferred[..preferred.LastIndexOf('/')];
            var file = preferred;
            for (var n = 1; !taken.Add(file); n++)
            {
                file = n == 1 ? $"{directory}/{node.Alias}.md" : $"{directory}/{node.Alias}-{n}.md";
            }

            node.File = file;
        }
    }

    private static string PreferredFile(ExportNode node)
    {
        var village = Ancestors(node).FirstOrDefault(a => a.Type!.Alias == DocumentTypes.Village);
        return node.Type!.Alias switch
        {
            DocumentTypes.Home when node.Parent is null => $"{SiteFolder}/home.md",
            DocumentTypes.Village => $"{VillageFolder(node)}/village.md",
            DocumentTypes.DesignCentre when village is not null => $"{VillageFolder(village)}/centre.md",
            DocumentTypes.Experience when village is not null => $"{VillageFolder(village)}/experiences/{FileSlug(node)}.md",
            _ => $"{SiteFolder}/{string.Join('/', Ancestors(node).Reverse().Where(a => a.Parent is not null).Append(node).Select(FileSlug))}.md",
        };
    }

    /// <summary>The folder of each exported village: where its products go too.</summary>
    public static HashSet<string> VillageFolders(IEnumerable<ExportNode> nodes) =>
        nodes.Where(n => n.Type!.Alias == DocumentTypes.Village).Select(VillageFolder).ToHashSet(StringComparer.Ordinal);

    private static string VillageFolder(ExportNode village) =>
        village.Alias!.StartsWith(VillagePrefix, StringComparison.Ordinal) ? village.Alias[VillagePrefix.Length..] : village.Alias;

    private static string FileSlug(ExportNode node) => node.Slug(Cultures.English) ?? node.Alias!;

    private static IEnumerable<ExportNode> Ancestors(ExportNode node)
    {
        for (var parent = node.Parent; parent is not null; parent = parent.Parent)
        {
            yield return parent;
        }
    }

    private static string Generated(string slug, Guid key, HashSet<string> taken)
    {
        var stem = Slugs.Slugify(slug.Length > KeySlugLength ? slug[..KeySlugLength] : slug) is { Length: > 0 } s ? s : "item";
        var hex = key.ToString("N");
        var alias = $"{stem}-{hex[..8]}";
        if (!taken.Add(alias))
        {
            alias = $"{stem}-{hex}";
            taken.Add(alias);
        }

        return alias;
    }
}
