using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VillageCraftPortal.Web.Backoffice.Accounts;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Backoffice.Audit;

/// <summary>The audit log for administrators: filter by action, user and dates (Hà Nội time), newest first, keyset paging.</summary>
[Authorize(Roles = BackofficeRoles.Administrator)]
public sealed class IndexModel(AuditLog log) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserFilter { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var filter = new AuditFilter(
            AuditActions.All.Contains(Action) ? Action : null,
            string.IsNullOrWhiteSpace(UserFilter) ? null : UserFilter.Trim(),
            Day(From),
            Day(To)?.AddDays(1));
        Entries = await log.PageAsync(filter, Before, PageSize, cancellationToken);
    }

    public string OlderLink() =>
        $"?action={Uri.EscapeDataString(Action ?? "")}&user={Uri.EscapeDataString(UserFilter ?? "")}&from={From}&to={To}&before={Entries[^1].Id}";

    private static DateTime? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? VietnamTime.ToUtc(day.ToDateTime(TimeOnly.MinValue))
            : null;
}
