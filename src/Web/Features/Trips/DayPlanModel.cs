using System.Globalization;
using VillageCraftPortal.Web.Shared;
using VillageCraftPortal.Web.Shared.Maps;
using VillageCraftPortal.Web.Trips;
using VillageCraftPortal.Web.Trips.Planning;

namespace VillageCraftPortal.Web.Features.Trips;

/// <summary>One day of a trip as the trip page (editable) and the shared page (read-only) show it.</summary>
public sealed record DayPlanModel(TripView View, DayPlan Day, string Culture, bool Editable, (string Stop, string Button)? Focus = null)
{
    /// <summary>The day's map: the start point and the stops that have times, numbered and joined in order.</summary>
    public SiteMap? Map(UiTexts texts)
    {
        var markers = Day.Stops.Where(s => s.Timing is not null)
            .Select((s, i) => new MapMarker(i + 1, View.Nodes[s.Place.Id].Name(Culture).Value, View.Nodes[s.Place.Id].Url(Culture), s.Place.Location))
            .Append(new MapMarker(0, texts.Get(Culture, "trip.map.start"), null, View.Settings.Start, IsReference: true))
            .ToList();
        return markers.Count < 2
            ? null
            : SiteMap.Create(markers, texts.Get(Culture, "trip.map.label", (Day.Day + 1).ToString(CultureInfo.InvariantCulture)), isRoute: true);
    }
}
