using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Backoffice.Accounts;

namespace VillageCraftPortal.Web.Backoffice.Orders;

/// <summary>
/// One order: each centre moves its own parcel on (packed, shipped with tracking, delivered); those who may manage
/// the whole order also confirm transfers, refund and cancel (see <see cref="OrderActions"/>).
/// </summary>
[Authorize(Roles = $"{BackofficeRoles.Administrator},{BackofficeRoles.Editor},{BackofficeRoles.Publisher}")]
public sealed class DetailModel(OrderDetails details, OrderActions actions, BackofficeAccess access) : PageModel
{
    public OrderView View { get; private set; } = null!;

    /// <summary>The outcome of the last action, as a text key suffix (after a redirect, or with the re-shown form).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public string? Problem { get; private set; }

    [BindProperty]
    public ActionForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int orderId, CancellationToken cancellationToken) =>
        await LoadAsync(orderId, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAdvanceAsync(int orderId, CancellationToken cancellationToken) =>
        ActAsync(orderId, view => actions.AdvanceAsync(access, view, Form, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostConfirmTransferAsync(int orderId, CancellationToken cancellationToken) =>
        ActAsync(orderId, view => actions.ConfirmTransferAsync(access, view, Form, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRefundAsync(int orderId, CancellationToken cancellationToken) =>
        ActAsync(orderId, view => actions.RefundAsync(access, view, Form, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(int orderId, CancellationToken cancellationToken) =>
        ActAsync(orderId, view => actions.CancelAsync(access, view, Form, cancellationToken), cancellationToken);

    private async Task<IActionResult> ActAsync(int id, Func<OrderView, Task<ActionOutcome>> act, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var outcome = await act(View);
        if (outcome.StatusCode == StatusCodes.Status403Forbidden)
        {
            return Forbid();
        }

        if (outcome.Succeeded)
        {
            return RedirectToPage(new { orderId = id, done = outcome.Key });
        }

        // Shown again with what was typed, from the current state of the order.
        Response.StatusCode = outcome.StatusCode;
        Problem = outcome.Key;
        Done = null;
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var view = await details.FindAsync(access, id, cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        return true;
    }
}
