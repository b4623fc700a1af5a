using VillageCraftPortal.Web.Content.Values;

namespace VillageCraftPortal.Web.Content.Import;

/// <summary>Reads umbraco-content/holidays.yml.</summary>
internal static class HolidaysReader
{
    public const string FileName = "holidays.yml";

    public static async Task<List<PublicHoliday>> ReadAsync(string root, CancellationToken cancellationToken)
    {
        var path = Path.Combine(root, FileName);
        if (!File.Exists(path))
        {
            return [];
        }

        var yaml = new YamlContext(FileName, 0);
        var mapping = YamlContext.ParseMapping(await File.ReadAllTextAsync(path, cancellationToken), yaml);
        var holidays = new List<PublicHoliday>();
        if (YamlContext.Get(mapping, "holidays") is not { } list)
        {
            throw yaml.Error(mapping, "holidays: (a list) is required");
        }

        foreach (var node in yaml.Sequence(list, "holidays").Children)
        {
            var entry = yaml.Mapping(node, "a holiday");
            var fromNode = YamlContext.Get(entry, "date") ?? YamlContext.Get(entry, "from") ?? throw yaml.Error(node, "a holiday needs date: or from:");
            var from = yaml.Date(fromNode, "date");
            var to = YamlContext.Get(entry, "to") is { } toNode ? yaml.Date(toNode, "to") : from;
            if (to < from)
            {
                throw yaml.Error(node, "to: is before from:");
            }

            var name = YamlContext.Get(entry, "name") is { } n ? yaml.Localized(n, "name") : throw yaml.Error(node, "a holiday needs a name");
            holidays.Add(new PublicHoliday(from, to, name));
        }

        return holidays;
    }
}
