using System.ComponentModel.DataAnnotations;

namespace VillageCraftPortal.Web.Media;

public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>The largest upload accepted, in bytes.</summary>
    [Range(1024, 1L << 31)]
    public long MaxUploadBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>The most pixels (width × height × frames) an image may declare; checked from its header, before decoding.</summary>
    [Range(1, 1_000_000_000)]
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>The most frames an animated GIF may have (only its first frame is used).</summary>
    [Range(1, 10_000)]
    public int MaxFrames { get; set; } = 200;

    /// <summary>How many image transforms may run at once (default: the number of cores).</summary>
    [Range(0, 256)]
    public int MaxConcurrentTransforms { get; set; }

    /// <summary>The disk cache of variants is trimmed, least recently used first, above this size.</summary>
    [Range(1, 1_000_000)]
    public long CacheSizeLimitMegabytes { get; set; } = 1024;

    /// <summary>Recently served variants kept in memory (bytes), for the hottest images.</summary>
    [Range(0, 4096)]
    public int MemoryCacheMegabytes { get; set; } = 64;

    /// <summary>
    /// HMAC key for URLs with custom sizes, crops or formats (base64, at least 32 bytes). When empty, a random key is
    /// generated once and kept in DataDir/keys.
    /// </summary>
    public string? SigningKey { get; set; }

    public int EffectiveConcurrency => MaxConcurrentTransforms > 0 ? MaxConcurrentTransforms : Environment.ProcessorCount;
}
