using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Shared;
using VillageCraftPortal.Web.Shared.Maps;

namespace VillageCraftPortal.Web.Features.Home;

/// <summary>The home page: the programme in a sentence, the ten villages as cards and on a map, featured experiences.</summary>
public sealed class IndexModel(UiTexts texts) : ContentPageModel
{
    public IReadOnlyList<PublishedNode> Villages { get; private set; } = [];

    public IReadOnlyList<PublishedNode> FeaturedExperiences { get; private set; } = [];

    public PublishedNode? VillageIndex { get; private set; }

    public PublishedNode? About { get; private set; }

    public SiteMap? Map { get; private set; }

    public void OnGet()
    {
        VillageIndex = Node.ChildrenOfType(DocumentTypes.VillageIndex).FirstOrDefault();
        About = Node.ChildrenOfType(DocumentTypes.Page).FirstOrDefault();
        Villages = VillageIndex?.ChildrenOfType(DocumentTypes.Village).ToList() ?? [];
        FeaturedExperiences = (Node.Value<List<Guid>>("featuredExperiences") ?? [])
            .Select(Snapshot.ByKey).OfType<PublishedNode>().ToList();
        Map = VillageMaps.ForVillages(Villages, Culture, texts);
    }

    protected override string PageTitle(string siteName) =>
        Node.Text("tagline", Culture) is { HasValue: true } tagline ? $"{siteName} · {tagline.Value}" : siteName;
}
