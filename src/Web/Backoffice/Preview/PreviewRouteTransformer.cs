using Microsoft.AspNetCore.Mvc.Routing;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Features;

namespace VillageCraftPortal.Web.Backoffice.Preview;

/// <summary>
/// Renders /preview/{token} with the public page of the document's type, from the live snapshot with that document
/// swapped for its draft: exactly how it will look. A bad or expired token falls through to the 404 page.
/// </summary>
public sealed class PreviewRouteTransformer(PreviewLinks links, PublishedSnapshotAccessor snapshots) : DynamicRouteValueTransformer
{
    public override async ValueTask<RouteValueDictionary> TransformAsync(HttpContext httpContext, RouteValueDictionary values)
    {
        if (values["token"] is not string token || links.Read(token) is not { } ticket)
        {
            return null!;
        }

        var builder = httpContext.RequestServices.GetRequiredService<SnapshotBuilder>();
        var preview = await builder.PreviewAsync(snapshots.Current, ticket.DocumentId, ticket.Version, httpContext.RequestAborted);
        if (preview?.ById(ticket.DocumentId) is not { } node || !ContentPages.ByType.TryGetValue(node.ContentType, out var page))
        {
            return null!;
        }

        httpContext.Features.Set(new ContentRequest(node, ticket.Culture, preview));
        return new RouteValueDictionary { ["page"] = page, ["culture"] = ticket.Culture };
    }
}
