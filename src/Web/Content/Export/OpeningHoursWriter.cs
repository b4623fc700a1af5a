using VillageCraftPortal.Web.Content.Values;
using YamlDotNet.RepresentationModel;
using static VillageCraftPortal.Web.Content.Export.YamlText;

namespace VillageCraftPortal.Web.Content.Export;

/// <summary>The reverse of the importer's OpeningHoursReader: weekly hours, the public-holiday policy and exceptions.</summary>
internal static class OpeningHoursWriter
{
    public static YamlMappingNode Write(OpeningHours hours)
    {
        var mapping = new YamlMappingNode();
        if (hours.Weekly.Count > 0)
        {
            var weekly = new YamlMappingNode();
            foreach (var (day, ranges) in hours.Weekly)
            {
                weekly.Add(day, Ranges(ranges));
            }

            mapping.Add("weekly", weekly);
        }

        mapping.Add("publicHolidays", Text(hours.PublicHolidays == HolidayPolicy.Open ? "open" : "closed"));
        if (hours.Exceptions.Count > 0)
        {
            mapping.Add("exceptions", Sequence(hours.Exceptions.Select(Exception), flow: false));
        }

        return mapping;
    }

    private static YamlNode Exception(HoursOverride exception)
    {
        var mapping = new YamlMappingNode { { "from", Date(exception.From) } };
        if (exception.To != exception.From)
        {
            mapping.Add("to", Date(exception.To));
        }

        if (exception.Closed)
        {
            mapping.Add("closed", Boolean(true));
        }

        if (exception.Hours.Count > 0)
        {
            mapping.Add("hours", Ranges(exception.Hours));
        }

        if (exception.Reason.Count > 0)
        {
            mapping.Add("reason", Localized(exception.Reason, flow: true));
        }

        return mapping;
    }

    /// <summary>"08:00-11:30, 13:30-17:00", or "closed" for a day without hours.</summary>
    private static YamlScalarNode Ranges(IReadOnlyList<TimeRange> ranges) =>
        Text(ranges.Count == 0 ? "closed" : string.Join(", ", ranges));
}
