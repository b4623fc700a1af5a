using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace VillageCraftPortal.Web.Features.Checkout;

/// <summary>
/// The orders this browser placed, in a Data-Protection cookie (encrypted and signed): only the browser that placed
/// an order may see its confirmation page, so an order number guessed or shared shows nothing to anyone else.
/// </summary>
public sealed class OrderReceipts(IDataProtectionProvider protection)
{
    public const string Name = "vcp.orders";

    /// <summary>The most recent orders kept; older ones drop off (the email has everything).</summary>
    public const int Keep = 10;

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private readonly IDataProtector _protector = protection.CreateProtector("VillageCraftPortal.OrderReceipts.v1");

    public IReadOnlyList<string> Read(HttpContext context)
    {
        if (context.Request.Cookies[Name] is not { Length: > 0 } value)
        {
            return [];
        }

        try
        {
            return _protector.Unprotect(value).Split(',', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return [];
        }
    }

    public bool Holds(HttpContext context, string orderNumber) =>
        Read(context).Contains(orderNumber, StringComparer.OrdinalIgnoreCase);

    public void Add(HttpContext context, string orderNumber)
    {
        var numbers = Read(context).Where(n => !string.Equals(n, orderNumber, StringComparison.OrdinalIgnoreCase)).Prepend(orderNumber).Take(Keep);
        context.Response.Cookies.Append(Name, _protector.Protect(string.Join(',', numbers)), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            // Lax: the cookie still comes along when Stripe sends the buyer back to the confirmation page.
            SameSite = SameSiteMode.Lax,
            Path = "/",
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }
}
