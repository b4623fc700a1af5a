using VillageCraftPortal.Web.Content.Values;
using VillageCraftPortal.Web.Shared;
using VillageCraftPortal.Web.Shared.Maps;

namespace VillageCraftPortal.Web.Features.Centres;

/// <summary>A design centre: stars and their source, the four zones, opening hours with "open now", contact, map.</summary>
public sealed class CentreModel(UiTexts texts, TimeProvider clock) : ContentPageModel
{
    public CentreHours? Hours { get; private set; }

    public SiteMap? Map { get; private set; }

    public void OnGet()
    {
        Map = VillageMaps.ForPlace(Node, Culture, texts);
        if (Node.Value<OpeningHours>("openingHours") is { } hours)
        {
            Hours = CentreHours.At(hours, Snapshot.Holidays, VietnamTime.Now(clock));
            Hours.LimitCacheLifetime(HttpContext);
        }
    }
}
