using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace VillageCraftPortal.Web.Features.Orders;

/// <summary>
/// Ten lookups a minute per client address, so order numbers and emails cannot be tried in bulk. Only attempts
/// (posts) count; showing the form does not. A refused attempt answers 429, which the error page explains.
/// </summary>
public sealed class OrderLookupRateLimit : IRateLimiterPolicy<string>
{
    public const int PermitsPerMinute = 10;

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, _) =>
    {
        context.HttpContext.Response.Headers.RetryAfter = "60";
        return ValueTask.CompletedTask;
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => HttpMethods.IsPost(httpContext.Request.Method)
        ? RateLimitPartition.GetFixedWindowLimiter(
            httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = PermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
        : RateLimitPartition.GetNoLimiter("form");
}
