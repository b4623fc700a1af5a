using Microsoft.Extensions.Options;

namespace VillageCraftPortal.Web.Infrastructure.Web;

/// <summary>
/// A strict Content-Security-Policy (scripts only from our origin; no inline script), plus the usual hardening
/// headers. Video embeds and map tiles are the only third-party origins, and only where configured.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<MapOptions> map)
{
    private readonly string _policy = string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        $"img-src 'self' data:{(map.Value.TileOrigin is { } tiles ? " " + tiles : string.Empty)}",
        "font-src 'self'",
        "connect-src 'self'",
        "frame-src https://www.youtube-nocookie.com https://player.vimeo.com",
        "object-src 'none'",
        "base-uri 'self'",
        // The place-order form answers with a redirect to Stripe's hosted page; browsers check that redirect against form-action.
        "form-action 'self' https://checkout.stripe.com",
        "frame-ancestors 'none'");

    /// <summary>The per-request nonce that the backoffice's rich-text editor uses for the stylesheet it injects.</summary>
    public const string StyleNonceItem = "vcp.style-nonce";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        if (context.Request.Path.StartsWithSegments("/backoffice", StringComparison.OrdinalIgnoreCase))
        {
            var nonce = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            context.Items[StyleNonceItem] = nonce;
            headers.ContentSecurityPolicy = _policy.Replace("style-src 'self'", $"style-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal);
        }
        else
        {
            headers.ContentSecurityPolicy = _policy;
        }

        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    }
}
