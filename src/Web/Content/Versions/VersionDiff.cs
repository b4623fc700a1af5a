using System.Text.Json.Nodes;
using VillageCraftPortal.Web.Content.Types;

namespace VillageCraftPortal.Web.Content.Versions;

/// <summary>
/// Compares two versions of a document for the version history: what changed, property by property and culture by
/// culture, as readable text with the deleted and inserted words marked.
/// </summary>
public static class VersionDiff
{
    /// <summary>
    /// The values that differ between <paramref name="older"/> and <paramref name="newer"/>: the type's properties in
    /// its order, then any stored property the type does not define (by alias), so that nothing is hidden. Within a
    /// property: the invariant value first, then Vietnamese, then English. Values with equal JSON are left out.
    /// </summary>
    /// <param name="mediaName">Names a media item by key ("Lò nung cổ"); without it, or when it returns null, the key is shown.</param>
    /// <param name="contentName">Names a document by key, for content lists; likewise optional.</param>
    public static IReadOnlyList<PropertyChange> Compare(
        DocumentType type,
        ContentValues older,
        ContentValues newer,
        Func<Guid, string?>? mediaName = null,
        Func<Guid, string?>? contentName = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);

        var reader = new ReadableValue(mediaName, contentName);
        var unknown = older.Aliases.Union(newer.Aliases, StringComparer.Ordinal)
            .Where(alias => type.Find(alias) is null)
            .Order(StringComparer.Ordinal);
        var changes = new List<PropertyChange>();
        foreach (var alias in type.Properties.Select(p => p.Alias).Concat(unknown))
        {
            var property = type.Find(alias);
            var before = older.GetAll(alias);
            var after = newer.GetAll(alias);
            foreach (var culture in Ordered(before.Keys.Union(after.Keys, StringComparer.Ordinal)))
            {
                var olderValue = before.GetValueOrDefault(culture);
                var newerValue = after.GetValueOrDefault(culture);
                if (!JsonNode.DeepEquals(olderValue, newerValue))
                {
                    changes.Add(Change(reader, alias, property, culture, olderValue, newerValue));
                }
            }
        }

        return changes;
    }

    internal static IEnumerable<KeyValuePair<string, string>> InCultureOrder(IReadOnlyDictionary<string, string> texts) =>
        Ordered(texts.Keys).Select(c => new KeyValuePair<string, string>(c, texts[c])).Where(t => !string.IsNullOrWhiteSpace(t.Value));

    private static PropertyChange Change(ReadableValue reader, string alias, PropertyType? property, string culture, JsonNode? older, JsonNode? newer)
    {
        var shownCulture = culture == Cultures.Invariant ? null : culture;
        var editor = property?.Editor.EditorAlias;
        if (older is null || newer is null)
        {
            var (kind, segment) = older is null ? (ChangeKind.Added, SegmentKind.Inserted) : (ChangeKind.Removed, SegmentKind.Deleted);
            var text = reader.Render(property, (older ?? newer)!);
            return new PropertyChange(alias, shownCulture, kind, text.Length == 0 ? [] : [new DiffSegment(segment, text)]) { Editor = editor };
        }

        var (segments, granularity) = TextDiff.Compare(reader.Render(property, older), reader.Render(property, newer));
        return new PropertyChange(alias, shownCulture, ChangeKind.Changed, segments) { Editor = editor, Granularity = granularity };
    }

    /// <summary>Invariant, then the site's cultures in their order, then anything else stored.</summary>
    private static IEnumerable<string> Ordered(IEnumerable<string> cultures) =>
        cultures.OrderBy(Rank).ThenBy(c => c, StringComparer.Ordinal);

    private static int Rank(string culture)
    {
        if (culture == Cultures.Invariant)
        {
            return -1;
        }

        for (var i = 0; i < Cultures.All.Count; i++)
        {
            if (Cultures.All[i] == culture)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
