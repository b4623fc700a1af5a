using Microsoft.AspNetCore.Mvc.Routing;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Content.Types;

namespace VillageCraftPortal.Web.Features;

/// <summary>The page that renders each document type (Umbraco's "template").</summary>
public static class ContentPages
{
    public static readonly IReadOnlyDictionary<string, string> ByType = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [DocumentTypes.Home] = "/Features/Home/Index",
        [DocumentTypes.VillageIndex] = "/Features/Villages/Index",
        [DocumentTypes.Village] = "/Features/Villages/Village",
        [DocumentTypes.DesignCentre] = "/Features/Centres/Centre",
        [DocumentTypes.Experience] = "/Features/Experiences/Experience",
        [DocumentTypes.ArticleIndex] = "/Features/Articles/Index",
        [DocumentTypes.Article] = "/Features/Articles/Article",
        [DocumentTypes.Page] = "/Features/Pages/Page",
        [DocumentTypes.ItineraryIndex] = "/Features/Itineraries/Index",
        [DocumentTypes.Itinerary] = "/Features/Itineraries/Itinerary",
    };
}

/// <summary>The published page a request resolved to, for the page that renders it.</summary>
public sealed record ContentRequest(PublishedNode Node, string Culture, PublishedSnapshot Snapshot);

/// <summary>
/// Resolves /{culture}/{path} against the published snapshot (in memory) and hands the request to the page for the
/// document's type; unknown paths fall through to the localised 404.
/// </summary>
public sealed class ContentRouteTransformer(PublishedSnapshotAccessor snapshots) : DynamicRouteValueTransformer
{
    public override ValueTask<RouteValueDictionary> TransformAsync(HttpContext httpContext, RouteValueDictionary values)
    {
        var culture = values["culture"] as string ?? string.Empty;
        var path = values["path"] as string;
        var snapshot = snapshots.Current;
        var node = snapshot.ByPath(culture, string.IsNullOrEmpty(path) ? "/" + culture : $"/{culture}/{path}");
        if (node is null || !ContentPages.ByType.TryGetValue(node.ContentType, out var page))
        {
            return ValueTask.FromResult<RouteValueDictionary>(null!);
        }

        httpContext.Features.Set(new ContentRequest(node, culture, snapshot));
        return ValueTask.FromResult(new RouteValueDictionary { ["page"] = page, ["culture"] = culture });
    }
}
