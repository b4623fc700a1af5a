using System.Globalization;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Shared;
using Calendar = Ical.Net.Calendar;

namespace VillageCraftPortal.Web.Trips;

/// <summary>
/// A trip as iCalendar (RFC 5545, written by Ical.Net): one event per timed stop, in Asia/Ho_Chi_Minh time, with GEO,
/// LOCATION, the page's URL, and a DESCRIPTION carrying directions from the previous stop and how to get in touch.
/// Stops that are closed or do not fit that day have no time and are left out.
/// </summary>
public static class TripCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(TripView view, string culture, UiTexts texts, Func<string, string> absolute)
    {
        var calendar = new Calendar { ProductId = "-//VillageCraftPortal//Trip//" + culture.ToUpperInvariant() };
        calendar.AddTimeZone(VietnamTime.Zone.Id);
        calendar.AddProperty("X-WR-CALNAME", texts.Get(culture, "trip.calendar.name"));
        foreach (var day in view.Days)
        {
            var from = view.Settings.Start;
            foreach (var stop in day.Stops)
            {
                if (stop.Timing is not { } timing || !view.Nodes.TryGetValue(stop.Place.Id, out var node))
                {
                    continue;
                }

                var name = node.Name(culture).Value;
                calendar.Events.Add(new CalendarEvent
                {
                    Uid = $"{view.Trip.ShareId}-{day.Day}-{stop.Place.Id}@villagecraftportal",
                    Summary = name,
                    DtStart = new CalDateTime(day.Date.ToDateTime(timing.Start), VietnamTime.Zone.Id),
                    DtEnd = new CalDateTime(day.Date.ToDateTime(timing.Depart), VietnamTime.Zone.Id),
                    GeographicLocation = new GeographicLocation(stop.Place.Location.Lat, stop.Place.Location.Lng),
                    Location = Location(node, culture),
                    Url = new Uri(absolute(node.Url(culture))),
                    Description = Description(node, culture, texts, DirectionsLinks.Leg(from, stop.Place.Location, view.Settings.Mode), timing.TravelMinutes),
                });
                from = stop.Place.Location;
            }
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    private static string Location(PublishedNode node, string culture)
    {
        var village = node.ContentType == Content.Types.DocumentTypes.Village ? node : node.Parent;
        var name = node.Name(culture).Value;
        return village is null || village == node ? name : $"{name}, {village.Name(culture).Value}";
    }

    private static string Description(PublishedNode node, string culture, UiTexts texts, string directions, int travelMinutes)
    {
        var text = new StringBuilder();
        text.AppendLine(texts.Get(culture, "trip.calendar.travel", travelMinutes.ToString(CultureInfo.InvariantCulture)));
        text.AppendLine(texts.Get(culture, "trip.calendar.directions", directions));
        var contact = node.ContentType == Content.Types.DocumentTypes.Experience
            ? new[] { node.Value<string>("bookingPhone"), node.Value<string>("bookingEmail") }
            : [node.Value<string>("phone"), node.Value<string>("email")];
        var known = contact.Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
        text.AppendLine(known.Count > 0
            ? texts.Get(culture, "trip.calendar.contact", string.Join(" · ", known))
            : texts.Get(culture, "trip.calendar.noContact"));
        text.Append(texts.Get(culture, "trip.calendar.estimate"));
        return text.ToString();
    }
}
