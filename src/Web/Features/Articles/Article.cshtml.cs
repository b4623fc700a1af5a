namespace VillageCraftPortal.Web.Features.Articles;

public sealed class ArticleModel : ContentPageModel
{
    public void OnGet()
    {
        // Everything the page shows comes from the published node.
    }
}
