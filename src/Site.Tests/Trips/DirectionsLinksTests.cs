using VillageCraftPortal.Web.Content.Values;
using VillageCraftPortal.Web.Trips;
using VillageCraftPortal.Web.Trips.Planning;

namespace VillageCraftPortal.Site.Tests.Trips;

public sealed class DirectionsLinksTests
{
    private static List<GeoPoint> Stops(int count) => [.. Enumerable.Range(1, count).Select(i => new GeoPoint(21 + (i / 100.0), 105.8))];

    private static List<string> Points(string link)
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query);
        var waypoints = query["waypoints"]?.Split('|') ?? [];
        return [query["origin"]!, .. waypoints, query["destination"]!];
    }

    [Theory]
    [InlineData(1, 1)] // start → stop → start: one waypoint
    [InlineData(8, 1)]
    [InlineData(9, 1)] // nine waypoints fit one link
    [InlineData(10, 2)]
    [InlineData(19, 2)]
    [InlineData(20, 3)]
    [InlineData(30, 4)]
    public void A_day_is_split_into_links_of_at_most_nine_waypoints_that_join_end_to_start(int stops, int links)
    {
        var result = DirectionsLinks.ForDay(GeoPoint.HoanKiemLake, Stops(stops), TravelMode.Car);

        Assert.Equal(links, result.Count);
        var parts = result.Select(Points).ToList();
        Assert.All(parts, p => Assert.InRange(p.Count - 2, 0, DirectionsLinks.MaxWaypoints));
        for (var i = 1; i < parts.Count; i++)
        {
            Assert.Equal(parts[i - 1][^1], parts[i][0]);
        }

        // Every stop once, in order, from the start and back to it.
        var route = parts[0].Concat(parts.Skip(1).SelectMany(p => p.Skip(1))).ToList();
        Assert.Equal(stops + 2, route.Count);
        Assert.Equal("21.0285,105.8524", route[0]);
        Assert.Equal("21.0285,105.8524", route[^1]);
        Assert.Equal("21.01,105.8", route[1]);
    }

    [Theory]
    [InlineData(TravelMode.Car, "driving")]
    [InlineData(TravelMode.Motorbike, "two-wheeler")]
    [InlineData(TravelMode.Bus, "transit")]
    public void The_travel_mode_is_passed_on(TravelMode mode, string expected) =>
        Assert.Contains($"travelmode={expected}", DirectionsLinks.ForDay(GeoPoint.HoanKiemLake, Stops(2), mode)[0], StringComparison.Ordinal);

    [Fact]
    public void An_empty_day_has_no_link() => Assert.Empty(DirectionsLinks.ForDay(GeoPoint.HoanKiemLake, [], TravelMode.Car));
}
