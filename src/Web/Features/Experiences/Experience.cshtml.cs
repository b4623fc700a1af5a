using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Shared;
using VillageCraftPortal.Web.Shared.Maps;

namespace VillageCraftPortal.Web.Features.Experiences;

/// <summary>A workshop or tour: duration, price range, booking contact, seasons, where it is.</summary>
public sealed class ExperienceModel(UiTexts texts) : ContentPageModel
{
    public SiteMap? Map { get; private set; }

    public VillageCraftPortal.Web.Content.Published.PublishedNode? Centre { get; private set; }

    public void OnGet()
    {
        Map = VillageMaps.ForPlace(Node, Culture, texts);
        Centre = Node.Parent?.ChildrenOfType(DocumentTypes.DesignCentre).FirstOrDefault();
    }
}
