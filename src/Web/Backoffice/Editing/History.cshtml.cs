using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Storage;
using VillageCraftPortal.Web.Content.Versions;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Backoffice.Editing;

/// <summary>Every version of a document: who saved it and when, a readable comparison of any two, rollback and pinning.</summary>
public sealed class HistoryModel(DocumentEditing editing, AppDbContext db, BackofficeAccess access, UiTexts texts) : PageModel
{
    public EditContext Context { get; private set; } = null!;

    public IReadOnlyList<DocumentVersion> Versions { get; private set; } = [];

    public int? A { get; private set; }

    public int? B { get; private set; }

    public IReadOnlyList<PropertyChange>? Changes { get; private set; }

    public bool CanRollback => access.CanEditInvariant(Context.Village);

    public async Task<IActionResult> OnGetAsync(int id, int? a, int? b, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        (A, B) = (a ?? (Versions.Count > 1 ? Versions[1].Number : null), b ?? (Versions.Count > 0 ? Versions[0].Number : null));
        var older = Versions.FirstOrDefault(v => v.Number == A);
        var newer = Versions.FirstOrDefault(v => v.Number == B);
        if (older is not null && newer is not null)
        {
            var media = await db.MediaItems.AsNoTracking().Select(m => new { m.Key, m.Alias }).ToDictionaryAsync(m => m.Key, m => m.Alias, cancellationToken);
            Changes = VersionDiff.Compare(Context.Type, ContentValues.Parse(older.Values), ContentValues.Parse(newer.Values), key => media.GetValueOrDefault(key));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRollbackAsync(int id, int version, CancellationToken cancellationToken)
    {
        if (await editing.LoadAsync(id, cancellationToken) is not { } context)
        {
            return NotFound();
        }

        if (!access.CanEditInvariant(context.Village))
        {
            return Forbid();
        }

        var result = await editing.RollbackAsync(context, version, cancellationToken);
        TempData["Message"] = texts.Get(SiteCulture.Current, result?.Succeeded == true ? "bo.history.rolledBack" : "bo.edit.notAllowed");
        return RedirectToPage("/Backoffice/Editing/Edit", new { id });
    }

    public async Task<IActionResult> OnPostPinAsync(int id, int version, bool pinned, CancellationToken cancellationToken)
    {
        if (await editing.LoadAsync(id, cancellationToken) is not { } context)
        {
            return NotFound();
        }

        if (!access.CanEditInvariant(context.Village))
        {
            return Forbid();
        }

        await db.DocumentVersions.Where(v => v.DocumentId == id && v.Number == version)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.IsPinned, pinned), cancellationToken);
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await editing.LoadAsync(id, cancellationToken) is not { } context)
        {
            return false;
        }

        Context = context;
        Versions = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == id).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        return true;
    }
}
