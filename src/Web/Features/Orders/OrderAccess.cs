using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace VillageCraftPortal.Web.Features.Orders;

/// <summary>
/// Lets a buyer who has shown an order's number and email see its status page again for a while without retyping:
/// the orders they may see are kept in a cookie protected by Data Protection (encrypted and signed, so it can be
/// neither read nor forged) that ends after <see cref="Lifetime"/>. The number in the status page's address is
/// only which order to show, never the permission to see it.
/// </summary>
public sealed class OrderAccess(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "vcp.orders";

    /// <summary>The few orders a buyer looked up last (e.g. one per checkout); older ones drop out.</summary>
    public const int MaxOrders = 5;

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private readonly IDataProtector _protector = protection.CreateProtector("VillageCraftPortal.Orders.Access.v1");

    /// <summary>Adds the order to this browser's cookie (the checkout may call it too, for its confirmation page).</summary>
    public void Grant(HttpContext context, int orderId)
    {
        var orders = Granted(context).Where(id => id != orderId).Append(orderId).TakeLast(MaxOrders);
        var expires = (clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds();
        var payload = string.Create(CultureInfo.InvariantCulture, $"{expires}|{string.Join(',', orders)}");
        context.Response.Cookies.Append(CookieName, _protector.Protect(payload), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            // Needed to show what the buyer asked for; no tracking.
            IsEssential = true,
        });
    }

    public bool CanSee(HttpContext context, int orderId) => Granted(context).Contains(orderId);

    private IReadOnlyList<int> Granted(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var cookie) || string.IsNullOrEmpty(cookie))
        {
            return [];
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(cookie);
        }
        catch (CryptographicException)
        {
            // Tampered with, or from keys since retired: as if there were none.
            return [];
        }

        var parts = payload.Split('|');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || DateTimeOffset.FromUnixTimeSeconds(expires) <= clock.GetUtcNow())
        {
            return [];
        }

        return [.. parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0)];
    }
}
