using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Content.Types;

namespace VillageCraftPortal.Web.Features.Articles;

/// <summary>News and stories, newest first.</summary>
public sealed class IndexModel : ContentPageModel
{
    public IReadOnlyList<PublishedNode> Articles { get; private set; } = [];

    public void OnGet() =>
        Articles = [.. Node.ChildrenOfType(DocumentTypes.Article).OrderByDescending(a => a.Value<DateOnly>("publishedOn")).ThenBy(a => a.SortOrder)];
}
