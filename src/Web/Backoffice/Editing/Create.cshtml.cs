using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Backoffice.Audit;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Editing;
using VillageCraftPortal.Web.Content.Types;

namespace VillageCraftPortal.Web.Backoffice.Editing;

/// <summary>A new page under a parent: its type (among those the parent allows and the user may create) and name.</summary>
public sealed class CreateModel(ContentService content, ContentScopes scopes, BackofficeAccess access, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Parent { get; set; }

    [BindProperty]
    public string? ContentType { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "validation.required")]
    [StringLength(200, ErrorMessage = "validation.tooLong")]
    public string Name { get; set; } = string.Empty;

    public IReadOnlyList<string> Types { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || ContentType is null || !Types.Contains(ContentType))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var slug = Slugs.Slugify(Name);
        var values = new ContentValues().Set("name", Cultures.Vietnamese, Name.Trim()).Set("slug", Cultures.Vietnamese, slug);
        var result = await content.CreateAsync(new NewDocument(ContentType, Parent, values)
        {
            // Villages are known by their code ("bat-trang") for scoping staff and media folders.
            Alias = ContentType == DocumentTypes.Village ? ContentScopes.VillageAliasPrefix + slug : null,
            // Only the name is asked here; the edit form, where this leads, asks for the type's other required values.
            RequiredValuesLater = true,
        }, access.UserName, cancellationToken);
        if (!result.Succeeded)
        {
            Errors = result.Problems?.Select(p => p.MessageKey).ToList() ?? [$"bo.create.failed.{result.Status}"];
            return Page();
        }

        await audit.WriteAsync(AuditActions.Create, access.UserName, "document", result.Document!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{ContentType} {Name}", cancellationToken: cancellationToken);
        return RedirectToPage("/Backoffice/Editing/Edit", new { id = result.Document.Id });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var parent = await scopes.FindAsync(Parent, cancellationToken);
        if (parent is null || !access.CanWorkOn(parent.VillageCode))
        {
            return false;
        }

        // A village's own code scopes what is created under it; a new village belongs to no one yet (administrators).
        Types = [.. DocumentTypes.Get(parent.ContentType).AllowedChildren.Where(t => access.CanCreateOrDelete(parent.VillageCode, t))];
        return Types.Count > 0;
    }
}
