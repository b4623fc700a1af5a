using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;

namespace VillageCraftPortal.Web.Media;

public static partial class MediaEndpoints
{
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddSingleton<MediaStore>();
        return services;
    }

    /// <summary>Originals by content hash: the URL names the bytes, so they can be cached for a year.</summary>
    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/media/original/{file}", (string file, MediaStore store, HttpContext context) =>
        {
            var match = OriginalName().Match(file);
            if (!match.Success)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a media file name.");
            }

            var (hash, format) = (match.Groups[1].Value, match.Groups[2].Value);
            var path = store.OriginalPath(hash, format);
            if (!File.Exists(path))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.File(path, ImageInspector.MimeType(format), entityTag: new EntityTagHeaderValue($"\"{hash[..16]}\""));
        }).ExcludeFromDescription();
        return endpoints;
    }

    [GeneratedRegex("^([0-9a-f]{64})\\.(jpg|png|gif|webp|avif)$", RegexOptions.CultureInvariant)]
    private static partial Regex OriginalName();
}
