using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace VillageCraftPortal.Web.Shared;

/// <summary>
/// A visitor's id for a server-side record (cart, trip) in a cookie protected by ASP.NET Core Data Protection
/// (encrypted and signed), so it can be neither read nor forged. A cookie that does not unprotect (tampered, from an
/// old key ring, garbage) is simply no record.
/// </summary>
public abstract class ProtectedIdCookie(IDataProtectionProvider protection, string purpose, string name, TimeSpan lifetime)
{
    private readonly IDataProtector _protector = protection.CreateProtector(purpose);

    public Guid? Read(HttpContext context)
    {
        if (context.Request.Cookies[name] is not { Length: > 0 } value)
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

    /// <summary>(Re)issues the cookie for another full lifetime: the record's expiry follows the last activity.</summary>
    public void Write(HttpContext context, Guid id) =>
        context.Response.Cookies.Append(name, _protector.Protect(id.ToString("N")), Options(context, httpOnly: true));

    protected CookieOptions Options(HttpContext context, bool httpOnly) => new()
    {
        HttpOnly = httpOnly,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        MaxAge = lifetime,
        IsEssential = true,
    };
}
