using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Backoffice.Accounts;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Backoffice.Orders;

/// <summary>Orders for staff: filters in the query string (a GET form), newest first, keyset paged.</summary>
[Authorize(Roles = $"{BackofficeRoles.Administrator},{BackofficeRoles.Editor},{BackofficeRoles.Publisher}")]
public sealed class IndexModel(OrderList list, ContentScopes scopes, BackofficeAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Village { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Payment { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public IReadOnlyList<OrderRow> Rows { get; private set; } = [];

    public IReadOnlyList<string> Villages { get; private set; } = [];

    public bool ShowsWholeOrders => access.IsAdministrator;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Villages = [.. (await scopes.VillageCodesAsync(cancellationToken)).Where(access.CanFulfil).Order(StringComparer.Ordinal)];
        var filter = new OrderFilter(
            Enum.TryParse<OrderStatus>(Status, out var status) && Enum.IsDefined(status) ? status : null,
            Villages.Contains(Village) ? Village : null,
            Enum.TryParse<PaymentMethod>(Payment, out var payment) && Enum.IsDefined(payment) ? payment : null,
            Search?.Trim() is { Length: > 0 and <= 254 } search ? search : null,
            Day(From),
            Day(To)?.AddDays(1));
        Rows = await list.PageAsync(access, filter, OrderList.ParseCursor(After), cancellationToken);
    }

    public string NextLink() => QueryString.Create(new Dictionary<string, string?>
    {
        ["status"] = Status,
        ["village"] = Village,
        ["payment"] = Payment,
        ["q"] = Search,
        ["from"] = From,
        ["to"] = To,
        ["after"] = OrderList.Cursor(Rows[^1]),
    }).Value!;

    private static DateTime? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? VietnamTime.ToUtc(day.ToDateTime(TimeOnly.MinValue))
            : null;
}
