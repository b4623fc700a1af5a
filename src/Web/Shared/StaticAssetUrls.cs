using Microsoft.AspNetCore.Components;

namespace VillageCraftPortal.Web.Shared;

/// <summary>The fingerprinted URL of a file in wwwroot (long-cached), for places tag helpers do not reach (data attributes).</summary>
public static class StaticAssetUrls
{
    public static string Resolve(HttpContext context, string path)
    {
        var assets = context.GetEndpoint()?.Metadata.GetMetadata<ResourceAssetCollection>();
        return "/" + (assets?[path] ?? path);
    }
}
