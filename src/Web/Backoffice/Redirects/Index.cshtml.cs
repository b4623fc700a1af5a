using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Backoffice.Accounts;
using VillageCraftPortal.Web.Content.Redirects;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Backoffice.Redirects;

/// <summary>Administrators see every redirect (automatic and manual) and manage the manual ones.</summary>
[Authorize(Roles = BackofficeRoles.Administrator)]
public sealed class IndexModel(AppDbContext db, RedirectRules rules, BackofficeAccess access) : PageModel
{
    public IReadOnlyList<RedirectRule> Rules { get; private set; } = [];

    public RedirectStatus? Status { get; private set; }

    [BindProperty]
    public string From { get; set; } = string.Empty;

    [BindProperty]
    public string To { get; set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rules = await db.Redirects.AsNoTracking().OrderByDescending(r => r.Id).Take(500).ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Status = await rules.AddAsync(From, To, access.UserName, cancellationToken);
        if (Status == RedirectStatus.Success)
        {
            return RedirectToPage();
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        await rules.DeleteAsync(id, access.UserName, cancellationToken);
        return RedirectToPage();
    }
}
