using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Shared;
using VillageCraftPortal.Web.Shared.Maps;

namespace VillageCraftPortal.Web.Features.Villages;

/// <summary>All villages, filterable by craft (?craft=silk) with plain links, so it works without JavaScript.</summary>
public sealed class IndexModel(UiTexts texts) : ContentPageModel
{
    public string? Craft { get; private set; }

    public IReadOnlyList<string> Crafts { get; private set; } = [];

    public IReadOnlyList<(PublishedNode Village, int Number)> Villages { get; private set; } = [];

    public SiteMap? Map { get; private set; }

    public void OnGet(string? craft)
    {
        var all = Node.ChildrenOfType(DocumentTypes.Village).ToList();
        Crafts = [.. DocumentTypes.Crafts.Where(c => all.Any(v => HasCraft(v, c)))];
        // An unknown craft is not an error for a visitor: show everything and say so.
        Craft = craft is not null && Crafts.Contains(craft) ? craft : null;
        UnknownCraft = craft is not null && Craft is null;
        Villages = [.. all.Select((v, i) => (v, i + 1)).Where(x => Craft is null || HasCraft(x.v, Craft))];
        Map = VillageMaps.ForVillages(all, Culture, texts);
    }

    public bool UnknownCraft { get; private set; }

    private static bool HasCraft(PublishedNode village, string craft) => village.Value<List<string>>("crafts")?.Contains(craft) == true;
}
