using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Infrastructure.Web;

/// <summary>
/// One URL per page: /vi/Lang-Nghe/ and /VI/lang-nghe both answer with a permanent redirect to /vi/lang-nghe
/// (slugs are lower-case), so search engines and shared links converge on the canonical address.
/// </summary>
public sealed class CanonicalPathMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && path is { Length: > 1 })
        {
            var canonical = path.ToLowerInvariant().TrimEnd('/');
            if (canonical != path && SiteCulture.FromPath(canonical) is not null)
            {
                context.Response.Redirect(canonical + request.QueryString, permanent: true);
                return Task.CompletedTask;
            }
        }

        return next(context);
    }
}
