using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VillageCraftPortal.Web.Backoffice.Preview;
using VillageCraftPortal.Web.Content;

namespace VillageCraftPortal.Web.Backoffice.Editing;

/// <summary>Opens the newest version of a document through a signed preview link the editor can also share.</summary>
public sealed class PreviewRedirectModel(DocumentEditing editing, PreviewLinks links) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, string? culture, CancellationToken cancellationToken)
    {
        if (await editing.LoadAsync(id, cancellationToken) is not { } context)
        {
            return NotFound();
        }

        var ticket = new PreviewTicket(id, context.Document.LatestVersion, Cultures.IsSupported(culture) ? culture! : Cultures.Default);
        return Redirect(links.Create(ticket));
    }
}
