using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Content.Types;

namespace VillageCraftPortal.Web.Features.Itineraries;

/// <summary>The curated itineraries, in their CMS order.</summary>
public sealed class IndexModel : ContentPageModel
{
    public IReadOnlyList<PublishedNode> Plans { get; private set; } = [];

    public void OnGet() => Plans = [.. Node.ChildrenOfType(DocumentTypes.Itinerary).OrderBy(p => p.SortOrder)];
}
