using VillageCraftPortal.Web.Content.Published;

namespace VillageCraftPortal.Web.Trips;

/// <summary>schema.org TouristTrip JSON-LD: the trip's places in visiting order as its itinerary (an ItemList).</summary>
public static class TouristTrip
{
    public static Dictionary<string, object?> Create(string name, string url, string culture, IEnumerable<PublishedNode> stops, Func<string, string> absolute) => new()
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "TouristTrip",
        ["name"] = name,
        ["url"] = url,
        ["inLanguage"] = culture,
        ["itinerary"] = new Dictionary<string, object?>
        {
            ["@type"] = "ItemList",
            ["itemListElement"] = stops.Select((node, i) => new Dictionary<string, object?>
            {
                ["@type"] = "ListItem",
                ["position"] = i + 1,
                ["item"] = Place(node, culture, absolute),
            }).ToList(),
        },
    };

    private static Dictionary<string, object?> Place(PublishedNode node, string culture, Func<string, string> absolute)
    {
        var place = new Dictionary<string, object?>
        {
            ["@type"] = node.ContentType == Content.Types.DocumentTypes.Village ? "TouristDestination" : "TouristAttraction",
            ["name"] = node.Name(culture).Value,
            ["url"] = absolute(node.Url(culture)),
        };
        if (TripPlaces.Location(node) is { } point)
        {
            place["geo"] = new Dictionary<string, object?> { ["@type"] = "GeoCoordinates", ["latitude"] = point.Lat, ["longitude"] = point.Lng };
        }

        return place;
    }
}
