using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Content.Values;
using VillageCraftPortal.Web.Trips.Planning;

namespace VillageCraftPortal.Web.Trips;

/// <summary>
/// Turns the published pages a trip can hold (villages, centres, experiences) into places for the planner.
/// </summary>
/// <remarks>
/// What the content does not say is assumed, and the assumptions are these: a village's lanes and workshops are
/// visited in daylight (07:00–18:00) for about two hours; a centre visit takes an hour within its published hours;
/// an experience lasts its published duration (90 minutes when none), within its village centre's hours when the
/// centre publishes them (daylight otherwise), and only in the months it runs.
/// </remarks>
public static class TripPlaces
{
    public const int VillageMinutes = 120;
    public const int CentreMinutes = 60;
    public const int ExperienceMinutes = 90;

    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal)
    {
        DocumentTypes.Village, DocumentTypes.DesignCentre, DocumentTypes.Experience,
    };

    private static readonly IReadOnlyList<TimeRange> Daylight = [new(new TimeOnly(7, 0), new TimeOnly(18, 0))];

    /// <summary>The published page for a stop, when it is a kind of page a trip can hold.</summary>
    public static PublishedNode? Find(PublishedSnapshot snapshot, Guid key) =>
        snapshot.ByKey(key) is { } node && Types.Contains(node.ContentType) && Location(node) is not null ? node : null;

    public static GeoPoint? Location(PublishedNode node) =>
        node.Value<GeoPoint>("location") ?? node.Parent?.Value<GeoPoint>("location");

    public static PlanPlace Place(PublishedSnapshot snapshot, PublishedNode node)
    {
        var location = Location(node) ?? GeoPoint.HoanKiemLake;
        var id = node.Key.ToString("N");
        return node.ContentType switch
        {
            DocumentTypes.DesignCentre => new PlanPlace(id, location, CentreMinutes, HoursOf(node, snapshot.Holidays)),
            DocumentTypes.Experience => new PlanPlace(id, location, Duration(node), ExperienceHours(node, snapshot.Holidays)),
            _ => new PlanPlace(id, location, VillageMinutes, date => new DaySchedule(date, Daylight, null)),
        };
    }

    private static int Duration(PublishedNode node) => node.Value<long>("durationMinutes") is > 0 and <= 24 * 60 and var minutes ? (int)minutes : ExperienceMinutes;

    private static Func<DateOnly, DaySchedule> HoursOf(PublishedNode node, HolidayCalendar holidays) =>
        node.Value<OpeningHours>("openingHours") is { } hours
            ? date => hours.On(date, holidays)
            : date => new DaySchedule(date, Daylight, null);

    private static Func<DateOnly, DaySchedule> ExperienceHours(PublishedNode node, HolidayCalendar holidays)
    {
        var centre = node.Parent?.ChildrenOfType(DocumentTypes.DesignCentre).FirstOrDefault();
        var hours = centre is null ? (date => new DaySchedule(date, Daylight, null)) : HoursOf(centre, holidays);
        var months = (node.Value<List<long>>("months") ?? []).Select(m => (int)m).ToHashSet();
        if (months.Count is 0 or 12)
        {
            return hours;
        }

        var season = new LocalizedText { [Cultures.Vietnamese] = "Ngoài mùa hoạt động", [Cultures.English] = "Out of season" };
        return date => months.Contains(date.Month) ? hours(date) : new DaySchedule(date, [], season);
    }
}
