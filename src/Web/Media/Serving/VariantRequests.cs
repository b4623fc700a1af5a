using System.Globalization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Media.Processing;

namespace VillageCraftPortal.Web.Media.Serving;

/// <summary>
/// Answers /media/{id}/{preset}/{width} and signed /media/{id}/custom requests: checks them, finds or makes the
/// variant, and sends it with year-long immutable caching, an ETag, and Vary: Accept where the format was negotiated.
/// </summary>
public sealed partial class VariantRequests(
    PublishedSnapshotAccessor snapshots,
    MediaOriginals originals,
    VariantCache cache,
    ImageUrlSigner signer,
    HotVariants hot,
    ILogger<VariantRequests> logger)
{
    public const int MinCustomSize = 16;
    public const int MaxCustomSize = 4096;

    private static readonly HashSet<string> PresetParameters = new(StringComparer.Ordinal) { "fp" };
    private static readonly HashSet<string> CustomParameters = new(StringComparer.Ordinal) { "w", "h", "fit", "fp", "fmt", "s" };

    /// <summary>Routes /media/{id}/{preset}/{width} and /media/{id}/custom; <paramref name="hotKey"/> names the request for the memory cache.</summary>
    public Task<IResult> HandleAsync(HttpContext context, string hotKey)
    {
        var segments = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 3 || !IsUrlId(segments[1]))
        {
            return Task.FromResult(Results.NotFound());
        }

        context.Items[HotKeyItem] = hotKey;
        return segments switch
        {
            [_, var id, "custom"] => CustomAsync(context, id),
            [_, var id, var preset, var width] when int.TryParse(width, NumberStyles.None, CultureInfo.InvariantCulture, out var w) => PresetAsync(context, id, preset, w),
            _ => Task.FromResult(Results.NotFound()),
        };
    }

    public Task<IResult> PresetAsync(HttpContext context, string id, string presetName, int width)
    {
        var query = context.Request.Query;
        if (!ImagePresets.ByName.TryGetValue(presetName, out var preset) || !preset.Widths.Contains(width))
        {
            return Task.FromResult(BadRequest("Unknown preset or width. Other sizes need a signed URL."));
        }

        if (query.Keys.Any(k => !PresetParameters.Contains(k)) || !TryFocal(query["fp"], out var focal))
        {
            return Task.FromResult(BadRequest("Preset URLs take only fp (the focal point); other options need a signed URL."));
        }

        // Unsigned, the focal point must be the image's own, so nobody can mint endless crops.
        var media = snapshots.Current.MediaByUrlId(id).FirstOrDefault(m => m.FocalPercent == focal);
        if (media is null)
        {
            return Task.FromResult(snapshots.Current.MediaByUrlId(id).Any() ? BadRequest("That focal point is not this image's.") : Results.NotFound());
        }

        var (w, h) = preset.OutputSize(width, media.Width, media.Height);
        var format = preset.Negotiated ? OutputFormats.Negotiate(context.Request.Headers.Accept, media.Format) : OutputFormat.Jpeg;
        var spec = new VariantSpec(w, h, preset.AspectRatio is not null, focal.X / 100.0, focal.Y / 100.0, format);
        return SendAsync(context, media, preset.Name, spec, vary: preset.Negotiated);
    }

    public Task<IResult> CustomAsync(HttpContext context, string id)
    {
        var query = context.Request.Query;
        var parameters = query.Where(p => p.Key != "s").Select(p => new KeyValuePair<string, string>(p.Key, p.Value.ToString())).ToList();
        if (query.Keys.Any(k => !CustomParameters.Contains(k)) || !signer.Verify(context.Request.Path, parameters, query["s"]))
        {
            return Task.FromResult(BadRequest("Custom sizes, crops and formats need a valid signature."));
        }

        if (!TrySize(query["w"], required: true, out var width) || !TrySize(query["h"], required: false, out var height)
            || !TryFocal(query["fp"], out var focal)
            || query["fit"].ToString() is not ("" or "cover" or "contain")
            || (query.ContainsKey("fmt") && !OutputFormats.TryParse(query["fmt"], out _)))
        {
            return Task.FromResult(BadRequest($"Width and height must be {MinCustomSize}–{MaxCustomSize}; fit cover or contain; fmt jpg, png, webp or avif."));
        }

        var media = snapshots.Current.MediaByUrlId(id).FirstOrDefault();
        if (media is null)
        {
            return Task.FromResult(Results.NotFound());
        }

        var crop = query["fit"] == "cover" && height > 0;
        var negotiated = !OutputFormats.TryParse(query["fmt"], out var format);
        format = negotiated ? OutputFormats.Negotiate(context.Request.Headers.Accept, media.Format) : format;
        var (w, h) = Fit(media, width, height, crop);
        var spec = new VariantSpec(w, h, crop, focal.X / 100.0, focal.Y / 100.0, format);
        return SendAsync(context, media, "custom", spec, vary: negotiated);
    }

    private static (int Width, int Height) Fit(PublishedMedia media, int width, int height, bool crop)
    {
        if (crop)
        {
            var scale = Math.Min(1.0, Math.Min((double)media.Width / width, (double)media.Height / height));
            return ((int)(width * scale), (int)(height * scale));
        }

        var fit = Math.Min(1.0, Math.Min((double)width / media.Width, height > 0 ? (double)height / media.Height : double.MaxValue));
        return (Math.Max(1, (int)Math.Round(media.Width * fit)), Math.Max(1, (int)Math.Round(media.Height * fit)));
    }

    private async Task<IResult> SendAsync(HttpContext context, PublishedMedia media, string name, VariantSpec spec, bool vary)
    {
        var master = originals.PathOf(media.FileHash, media.Format);
        if (!File.Exists(master))
        {
            return Results.NotFound();
        }

        CachedVariant variant;
        try
        {
            var key = Path.Combine(media.FileHash[..2], media.FileHash, $"{name}-{spec.CacheName}");
            variant = await cache.GetOrCreateAsync(key, () => ImageTransformer.Render(master, media.Width, media.Height, spec), context.RequestAborted);
        }
        catch (NetVips.VipsException ex)
        {
            // A master that no longer decodes is a storage problem, not the visitor's: log it, answer "not here".
            LogTransformFailed(logger, ex, media.FileHash);
            return Results.NotFound();
        }

        var contentType = OutputFormats.MimeType(spec.Format);
        if (variant.Bytes is { } bytes)
        {
            var ready = new HotVariant(bytes, contentType, variant.ETag, vary);
            if (context.Items[HotKeyItem] is string hotKey)
            {
                hot.Add(hotKey, ready);
            }

            return new HotVariantResult(ready);
        }

        var headers = context.Response.Headers;
        headers.CacheControl = "public, max-age=31536000, immutable";
        headers.XContentTypeOptions = "nosniff";
        if (vary)
        {
            headers.Vary = "Accept";
        }

        return Results.File(variant.Path, contentType, lastModified: variant.LastModified, entityTag: new EntityTagHeaderValue(variant.ETag));
    }

    private sealed class HotVariantResult(HotVariant variant) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => MediaMiddleware.WriteAsync(httpContext, variant);
    }

    private const string HotKeyItem = "vcp.media.hot-key";

    private static bool IsUrlId(string value) => value.Length == 32 && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private static bool TryFocal(StringValues value, out (int X, int Y) focal)
    {
        focal = (50, 50);
        if (StringValues.IsNullOrEmpty(value))
        {
            return true;
        }

        var parts = value.ToString().Split(',');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var x) && x is >= 0 and <= 100
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 0 and <= 100)
        {
            focal = (x, y);
            return true;
        }

        return false;
    }

    private static bool TrySize(StringValues value, bool required, out int size)
    {
        size = 0;
        if (StringValues.IsNullOrEmpty(value))
        {
            return !required;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size is >= MinCustomSize and <= MaxCustomSize;
    }

    private static IResult BadRequest(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid image request", detail: detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not make a variant of master {Hash}")]
    private static partial void LogTransformFailed(ILogger logger, Exception exception, string hash);
}
