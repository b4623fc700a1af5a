using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Content.Values;
using VillageCraftPortal.Web.Features.Centres;
using VillageCraftPortal.Web.Shared;
using VillageCraftPortal.Web.Shared.Maps;

namespace VillageCraftPortal.Web.Features.Villages;

/// <summary>A village: its story, its centre (stars, zones, open now), how to get there, gallery, experiences, map.</summary>
public sealed class VillageModel(UiTexts texts, TimeProvider clock) : ContentPageModel
{
    public PublishedNode? Centre { get; private set; }

    public CentreHours? CentreHours { get; private set; }

    public IReadOnlyList<PublishedNode> Experiences { get; private set; } = [];

    public GeoPoint? Location { get; private set; }

    public double? StraightLineKm { get; private set; }

    public SiteMap? Map { get; private set; }

    public void OnGet()
    {
        Centre = Node.ChildrenOfType(DocumentTypes.DesignCentre).FirstOrDefault();
        Experiences = [.. Node.ChildrenOfType(DocumentTypes.Experience)];
        Location = Node.Value<GeoPoint>("location");
        StraightLineKm = Location?.DistanceKmTo(GeoPoint.HoanKiemLake);
        Map = VillageMaps.ForPlace(Node, Culture, texts);
        if (Centre?.Value<OpeningHours>("openingHours") is { } hours)
        {
            CentreHours = CentreHours.At(hours, Snapshot.Holidays, VietnamTime.Now(clock));
            CentreHours.LimitCacheLifetime(HttpContext);
        }
    }
}
