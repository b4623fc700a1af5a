using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Backoffice.Accounts;

namespace VillageCraftPortal.Web.Backoffice.Orders;

/// <summary>A centre's packing slip for its parcel: what goes in the box and where it goes, without prices.</summary>
[Authorize(Roles = $"{BackofficeRoles.Administrator},{BackofficeRoles.Editor},{BackofficeRoles.Publisher}")]
public sealed class PackingSlipModel(OrderDetails details, BackofficeAccess access) : PageModel
{
    public OrderView View { get; private set; } = null!;

    public Fulfilment Parcel { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int orderId, int parcelId, CancellationToken cancellationToken)
    {
        if (await details.FindAsync(access, orderId, cancellationToken) is not { } view || view.Parcels.SingleOrDefault(p => p.Id == parcelId) is not { } visible)
        {
            return NotFound();
        }

        (View, Parcel) = (view, visible);
        return Page();
    }
}
