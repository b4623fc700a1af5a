using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Features.Cart;

/// <summary>
/// The guest's cart id (see <see cref="ProtectedIdCookie"/>). Beside it, a readable cookie holds only the number of
/// items, for the header badge of cached pages.
/// </summary>
public sealed class CartCookie(IDataProtectionProvider protection)
    : ProtectedIdCookie(protection, "VillageCraftPortal.Cart.v1", Name, Commerce.Cart.Cart.Lifetime)
{
    public const string Name = "vcp.cart";

    /// <summary>Not HttpOnly on purpose: site.js reads it to show the count on pages served from the output cache.</summary>
    public const string CountName = "vcp.cart-count";

    public void WriteCount(HttpContext context, int itemCount)
    {
        if (itemCount > 0)
        {
            context.Response.Cookies.Append(CountName, itemCount.ToString(CultureInfo.InvariantCulture), Options(context, httpOnly: false));
        }
        else if (context.Request.Cookies.ContainsKey(CountName))
        {
            context.Response.Cookies.Delete(CountName, Options(context, httpOnly: false));
        }
    }
}
