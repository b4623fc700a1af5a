using VillageCraftPortal.Web.Content.Values;
using YamlDotNet.RepresentationModel;

namespace VillageCraftPortal.Web.Content.Import;

/// <summary>Reads the openingHours mapping of a centre (weekly, publicHolidays, exceptions).</summary>
internal static class OpeningHoursReader
{
    public static OpeningHours Read(YamlContext yaml, YamlMappingNode mapping)
    {
        var weekly = new Dictionary<string, IReadOnlyList<TimeRange>>(StringComparer.Ordinal);
        if (YamlContext.Get(mapping, "weekly") is { } weeklyNode)
        {
            foreach (var (dayNode, hoursNode) in yaml.Mapping(weeklyNode, "weekly").Children)
            {
                var day = yaml.Scalar(dayNode, "a weekday");
                if (!OpeningHours.DayKeys.Contains(day))
                {
                    throw yaml.Error(dayNode, $"unknown weekday '{day}' (mon, tue, wed, thu, fri, sat, sun)");
                }

                weekly[day] = Ranges(yaml, hoursNode);
            }
        }

        var policy = yaml.OptionalScalar(mapping, "publicHolidays") switch
        {
            null or "closed" => HolidayPolicy.Closed,
            "open" => HolidayPolicy.Open,
            var other => throw yaml.Error(YamlContext.Get(mapping, "publicHolidays")!, $"publicHolidays must be closed or open, not '{other}'"),
        };

        var exceptions = new List<HoursOverride>();
        if (YamlContext.Get(mapping, "exceptions") is { } exceptionsNode)
        {
            foreach (var node in yaml.Sequence(exceptionsNode, "exceptions").Children)
            {
                exceptions.Add(ReadException(yaml, yaml.Mapping(node, "an exception")));
            }
        }

        return new OpeningHours(weekly, policy, exceptions);
    }

    private static HoursOverride ReadException(YamlContext yaml, YamlMappingNode mapping)
    {
        var fromNode = YamlContext.Get(mapping, "from") ?? YamlContext.Get(mapping, "date") ?? throw yaml.Error(mapping, "an exception needs from: (a date)");
        var from = yaml.Date(fromNode, "from");
        var to = YamlContext.Get(mapping, "to") is { } toNode ? yaml.Date(toNode, "to") : from;
        if (to < from)
        {
            throw yaml.Error(mapping, "an exception's to: is before its from:");
        }

        var closed = YamlContext.Get(mapping, "closed") is { } c && yaml.Boolean(c, "closed");
        var hours = YamlContext.Get(mapping, "hours") is { } h ? Ranges(yaml, h) : [];
        if (!closed && hours.Count == 0)
        {
            throw yaml.Error(mapping, "an exception needs closed: true or hours:");
        }

        var reason = YamlContext.Get(mapping, "reason") is { } r ? yaml.Localized(r, "reason") : [];
        return new HoursOverride(from, to, closed, hours, reason);
    }

    private static IReadOnlyList<TimeRange> Ranges(YamlContext yaml, YamlNode node) =>
        TimeRange.TryParseList(yaml.Scalar(node, "hours"), out var ranges)
            ? ranges
            : throw yaml.Error(node, "hours must be like \"08:00-11:30, 13:30-17:00\" (in order, not overlapping) or \"closed\"");
}
