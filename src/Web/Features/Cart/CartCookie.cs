using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace VillageCraftPortal.Web.Features.Cart;

/// <summary>
/// The guest's cart id, in a cookie protected by ASP.NET Core Data Protection (encrypted and signed), so it can be
/// neither read nor forged. A cookie that does not unprotect (tampered, from an old key ring, garbage) is simply no
/// cart. Beside it, a readable cookie holds only the number of items, for the header badge of cached pages.
/// </summary>
public sealed class CartCookie(IDataProtectionProvider protection)
{
    public const string Name = "vcp.cart";

    /// <summary>Not HttpOnly on purpose: site.js reads it to show the count on pages served from the output cache.</summary>
    public const string CountName = "vcp.cart-count";

    private readonly IDataProtector _protector = protection.CreateProtector("VillageCraftPortal.Cart.v1");

    public Guid? Read(HttpContext context)
    {
        if (context.Request.Cookies[Name] is not { Length: > 0 } value)
        {
            return null;
        }

        try
        {
            return Guid.TryParseExact(_protector.Unprotect(value), "N", out var id) ? id : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }

    /// <summary>(Re)issues the cookie for another full lifetime: the cart's expiry follows the last activity.</summary>
    public void Write(HttpContext context, Guid cartId) =>
        context.Response.Cookies.Append(Name, _protector.Protect(cartId.ToString("N")), Options(context, httpOnly: true));

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

    private static CookieOptions Options(HttpContext context, bool httpOnly) => new()
    {
        HttpOnly = httpOnly,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        MaxAge = Commerce.Cart.Cart.Lifetime,
        IsEssential = true,
    };
}
