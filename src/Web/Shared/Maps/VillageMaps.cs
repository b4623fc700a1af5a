using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Content.Values;

namespace VillageCraftPortal.Web.Shared.Maps;

/// <summary>Maps of villages, always with Hoàn Kiếm Lake as the reference point for distances.</summary>
public static class VillageMaps
{
    public static SiteMap? ForVillages(IReadOnlyList<PublishedNode> villages, string culture, UiTexts texts)
    {
        var markers = villages
            .Select((v, i) => (Village: v, Number: i + 1, Point: v.Value<GeoPoint>("location")))
            .Where(x => x.Point is not null)
            .Select(x => new MapMarker(x.Number, x.Village.Name(culture).Value, x.Village.Url(culture), x.Point!))
            .ToList();
        if (markers.Count == 0)
        {
            return null;
        }

        markers.Add(Reference(culture, texts));
        return SiteMap.Create(markers, texts.Get(culture, "map.villages.label"));
    }

    public static SiteMap? ForPlace(PublishedNode place, string culture, UiTexts texts)
    {
        var point = place.Value<GeoPoint>("location") ?? place.Parent?.Value<GeoPoint>("location");
        if (point is null)
        {
            return null;
        }

        return SiteMap.Create(
            [new MapMarker(1, place.Name(culture).Value, null, point), Reference(culture, texts)],
            texts.Get(culture, "map.place.label", place.Name(culture).Value));
    }

    private static MapMarker Reference(string culture, UiTexts texts) =>
        new(0, texts.Get(culture, "map.hoanKiem"), null, GeoPoint.HoanKiemLake, IsReference: true);
}
