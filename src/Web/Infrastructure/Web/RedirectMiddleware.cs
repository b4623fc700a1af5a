using VillageCraftPortal.Web.Content.Published;

namespace VillageCraftPortal.Web.Infrastructure.Web;

/// <summary>
/// Old addresses answer with a permanent redirect before anything else can say 404: automatic ones (a slug changed,
/// a page moved) lead to the document's current URL; manual ones to what an administrator set.
/// </summary>
public sealed class RedirectMiddleware(RequestDelegate next, PublishedSnapshotAccessor snapshots)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && request.Path.Value is { Length: > 1 } path)
        {
            var snapshot = snapshots.Current;
            if (snapshot.Redirects.Count > 0
                && !IsLivePage(snapshot, path)
                && snapshot.RedirectFor(path) is { } target
                && !string.Equals(target, path, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers.CacheControl = "public, max-age=3600";
                context.Response.Redirect(target + request.QueryString, permanent: true);
                return Task.CompletedTask;
            }
        }

        return next(context);
    }

    private static bool IsLivePage(PublishedSnapshot snapshot, string path) =>
        Shared.SiteCulture.FromPath(path) is { } culture && snapshot.ByPath(culture, path) is not null;
}
