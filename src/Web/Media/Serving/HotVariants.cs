using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using VillageCraftPortal.Web.Content.Published;

namespace VillageCraftPortal.Web.Media.Serving;

/// <summary>A variant response ready to write again: bytes and the headers that describe them.</summary>
public sealed record HotVariant(byte[] Bytes, string ContentType, string ETag, bool VaryAccept);

/// <summary>
/// The most requested variants, kept in memory under their request (path, query and the negotiated format), so a
/// repeat request is answered without routing, lookups or disk. Cleared whenever the published snapshot changes.
/// </summary>
public sealed class HotVariants : IDisposable
{
    private readonly MemoryCache _cache;
    private readonly bool _enabled;

    public HotVariants(IOptions<MediaOptions> options, PublishedSnapshotAccessor snapshots)
    {
        _enabled = options.Value.MemoryCacheMegabytes > 0;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.MemoryCacheMegabytes) * 1024L * 1024 });
        snapshots.Swapped += _ => _cache.Compact(1.0);
    }

    /// <summary>The request's identity: path and query, plus which format its Accept header would get.</summary>
    public static string KeyFor(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        var format = accept.Contains("image/avif", StringComparison.OrdinalIgnoreCase) ? 'a'
            : accept.Contains("image/webp", StringComparison.OrdinalIgnoreCase) ? 'w'
            : 'o';
        return string.Concat(request.Path.Value, request.QueryString.Value, "#", format.ToString());
    }

    public bool TryGet(string key, out HotVariant? variant) => _cache.TryGetValue(key, out variant) && variant is not null;

    public void Add(string key, HotVariant variant)
    {
        if (_enabled)
        {
            _cache.Set(key, variant, new MemoryCacheEntryOptions { Size = variant.Bytes.Length + key.Length });
        }
    }

    public void Dispose() => _cache.Dispose();
}
