using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Backoffice.Accounts;

namespace VillageCraftPortal.Web.Backoffice.Orders;

/// <summary>The whole order with prices and VAT, for whoever manages the order's money.</summary>
[Authorize(Roles = $"{BackofficeRoles.Administrator},{BackofficeRoles.Editor},{BackofficeRoles.Publisher}")]
public sealed class InvoiceModel(OrderDetails details, BackofficeAccess access) : PageModel
{
    public OrderView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int orderId, CancellationToken cancellationToken)
    {
        if (await details.FindAsync(access, orderId, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        if (!view.CanManage)
        {
            return Forbid();
        }

        View = view;
        return Page();
    }
}
