namespace VillageCraftPortal.Web.Features.Pages;

/// <summary>A free page such as "About the programme": its blocks, then its sources.</summary>
public sealed class PageModel : ContentPageModel
{
    public void OnGet()
    {
        // Everything the page shows comes from the published node.
    }
}
