using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;
using VillageCraftPortal.Web.Media;
using VillageCraftPortal.Web.Media.Processing;
using VillageCraftPortal.Web.Media.Serving;

namespace VillageCraftPortal.Web.Backoffice.MediaLibrary;

/// <summary>Square thumbnails of masters for the library and the upload step (also of files not yet in any page).</summary>
public static partial class LibraryThumbnails
{
    public const int Size = 160;

    public static IEndpointRouteBuilder MapLibraryThumbnails(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/backoffice/media/thumb/{hash}/{format}", async (string hash, string format, MediaOriginals originals, VariantCache cache, HttpContext context) =>
        {
            if (!Hash().IsMatch(hash) || format is not (ImageInspector.Jpeg or ImageInspector.Png) || !File.Exists(originals.PathOf(hash, format)))
            {
                return Results.NotFound();
            }

            var master = originals.Find(hash)!;
            var spec = new VariantSpec(Size, Size, Crop: true, 0.5, 0.5, OutputFormat.Jpeg);
            var variant = await cache.GetOrCreateAsync(Path.Combine(hash[..2], hash, $"library-{spec.CacheName}"),
                () => ImageTransformer.Render(originals.PathOf(hash, format), master.Width, master.Height, spec), context.RequestAborted);
            context.Response.Headers.CacheControl = "private, max-age=86400";
            return variant.Bytes is { } bytes
                ? Results.Bytes(bytes, "image/jpeg", entityTag: new EntityTagHeaderValue(variant.ETag))
                : Results.File(variant.Path, "image/jpeg", entityTag: new EntityTagHeaderValue(variant.ETag));
        }).RequireAuthorization(BackofficeExtensions.Policy).ExcludeFromDescription();
        return endpoints;
    }

    [GeneratedRegex("^[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Hash();
}
