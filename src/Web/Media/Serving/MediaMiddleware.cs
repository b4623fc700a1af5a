using Microsoft.Net.Http.Headers;

namespace VillageCraftPortal.Web.Media.Serving;

/// <summary>
/// Serves /media/… early in the pipeline, as a static-file or image middleware would: a repeat request is answered
/// from <see cref="HotVariants"/> without routing; anything else goes through <see cref="VariantRequests"/>.
/// </summary>
public sealed class MediaMiddleware(RequestDelegate next, VariantRequests requests, HotVariants hot)
{
    public const string Prefix = "/media/";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.Value?.StartsWith(Prefix, StringComparison.Ordinal) != true
            || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            await next(context);
            return;
        }

        var key = HotVariants.KeyFor(request);
        if (hot.TryGet(key, out var variant))
        {
            await WriteAsync(context, variant!);
            return;
        }

        var result = await requests.HandleAsync(context, key);
        await result.ExecuteAsync(context);
    }

    /// <summary>Writes a variant with its validators: 304 when the browser already has it.</summary>
    public static Task WriteAsync(HttpContext context, HotVariant variant)
    {
        var response = context.Response;
        var headers = response.Headers;
        headers.CacheControl = "public, max-age=31536000, immutable";
        headers.ETag = variant.ETag;
        headers.XContentTypeOptions = "nosniff";
        if (variant.VaryAccept)
        {
            headers.Vary = HeaderNames.Accept;
        }

        if (context.Request.Headers.IfNoneMatch.ToString() is { Length: > 0 } ifNoneMatch
            && (ifNoneMatch == variant.ETag || ifNoneMatch.Contains(variant.ETag, StringComparison.Ordinal) || ifNoneMatch == "*"))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.ContentType = variant.ContentType;
        response.ContentLength = variant.Bytes.Length;
        headers.AcceptRanges = "none";
        return HttpMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(variant.Bytes, context.RequestAborted).AsTask();
    }
}
