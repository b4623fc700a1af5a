using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Backoffice.Audit;
using VillageCraftPortal.Web.Content.Scheduling;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Backoffice.Editing;

/// <summary>Publish or unpublish at a date and time, entered in Hà Nội time (Asia/Ho_Chi_Minh).</summary>
public sealed class ScheduleModel(DocumentEditing editing, AppDbContext db, BackofficeAccess access, AuditLog audit, TimeProvider clock) : PageModel
{
    public EditContext Context { get; private set; } = null!;

    public IReadOnlyList<ScheduledAction> Actions { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, ScheduledActionKind kind, string? at, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !Enum.IsDefined(kind))
        {
            return NotFound();
        }

        if (!access.CanPublish(Context.Village))
        {
            return Forbid();
        }

        if (!DateTime.TryParseExact(at, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || VietnamTime.ToUtc(local) <= clock.GetUtcNow().UtcDateTime)
        {
            Error = "bo.schedule.invalid";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        db.ScheduledActions.Add(new ScheduledAction
        {
            DocumentId = id,
            Kind = kind,
            DueAt = VietnamTime.ToUtc(local),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = access.UserName,
        });
        audit.Add(AuditActions.Schedule, access.UserName, "document", DocumentEditing.Describe(Context), $"{kind} at {local:yyyy-MM-dd HH:mm} (Asia/Ho_Chi_Minh)");
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, int action, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!access.CanPublish(Context.Village))
        {
            return Forbid();
        }

        await db.ScheduledActions.Where(a => a.Id == action && a.DocumentId == id && a.Status == ScheduledActionStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ScheduledActionStatus.Cancelled), cancellationToken);
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await editing.LoadAsync(id, cancellationToken) is not { } context)
        {
            return false;
        }

        Context = context;
        Actions = await db.ScheduledActions.AsNoTracking().Where(a => a.DocumentId == id).OrderByDescending(a => a.DueAt).Take(50).ToListAsync(cancellationToken);
        return true;
    }
}
