using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using VillageCraftPortal.Web.Infrastructure;

namespace VillageCraftPortal.Web.Media.Serving;

/// <summary>A variant ready to send: its bytes (small ones are kept in memory) or its file, and its validators.</summary>
public sealed record CachedVariant(string Path, long Length, string ETag, DateTimeOffset LastModified, byte[]? Bytes);

/// <summary>
/// Variants on disk under DataDir/cache/images, keyed by source hash and parameters. Identical concurrent requests
/// share one transform (single flight); transforms are bounded by a concurrency limit; the disk cache is trimmed,
/// least recently used first, above its size cap.
/// </summary>
public sealed partial class VariantCache : IDisposable
{
    private const int MemoryEntryLimit = 512 * 1024;

    private readonly ConcurrentDictionary<string, Lazy<Task<CachedVariant>>> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry> _index = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _transforms;
    private readonly SemaphoreSlim _trimming = new(1, 1);
    private readonly long _sizeLimit;
    private readonly ILogger<VariantCache> _logger;
    private long _totalBytes;

    public VariantCache(DataDirectory dataDirectory, IOptions<MediaOptions> options, ILogger<VariantCache> logger)
    {
        Root = dataDirectory.ImageCache;
        _logger = logger;
        _transforms = new SemaphoreSlim(options.Value.EffectiveConcurrency);
        _sizeLimit = options.Value.CacheSizeLimitMegabytes * 1024 * 1024;
        LoadIndex();
    }

    public string Root { get; }

    public long TotalBytes => Interlocked.Read(ref _totalBytes);

    /// <summary>How many transforms have run (for tests and diagnostics: a cache hit runs none).</summary>
    public int TransformCount => _transformCount;

    private int _transformCount;

    /// <summary>Returns the variant, making it with <paramref name="render"/> only if no one has it or is making it.</summary>
    public async Task<CachedVariant> GetOrCreateAsync(string relativeKey, Func<byte[]> render, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(Root, relativeKey);
        if (File.Exists(path))
        {
            return Read(relativeKey, path);
        }

        var flight = _inFlight.GetOrAdd(relativeKey, key => new Lazy<Task<CachedVariant>>(() => CreateAsync(key, path, render)));
        try
        {
            return await flight.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            if (flight.Value.IsCompleted)
            {
                _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<CachedVariant>>>(relativeKey, flight));
            }
        }
    }

    public void Dispose()
    {
        _transforms.Dispose();
        _trimming.Dispose();
    }

    /// <summary>Removes least recently used variants until the cache is under 90% of its cap.</summary>
    public void Trim()
    {
        if (TotalBytes <= _sizeLimit || !_trimming.Wait(0))
        {
            return;
        }

        try
        {
            var target = _sizeLimit * 9 / 10;
            foreach (var (path, entry) in _index.OrderBy(e => e.Value.LastAccess).ToList())
            {
                if (TotalBytes <= target)
                {
                    break;
                }

                if (_index.TryRemove(path, out _))
                {
                    try
                    {
                        File.Delete(path);
                    }
                    catch (IOException ex)
                    {
                        LogTrimFailed(_logger, ex, path);
                    }

                    Interlocked.Add(ref _totalBytes, -entry.Size);
                }
            }

        }
        finally
        {
            _trimming.Release();
        }
    }

    private async Task<CachedVariant> CreateAsync(string key, string path, Func<byte[]> render)
    {
        // Not the request's token: other requests may be waiting for this transform.
        await _transforms.WaitAsync(CancellationToken.None);
        byte[] bytes;
        try
        {
            Interlocked.Increment(ref _transformCount);
            bytes = await Task.Run(render);
        }
        finally
        {
            _transforms.Release();
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
        if (_index.TryAdd(path, new Entry(bytes.Length, DateTime.UtcNow.Ticks)))
        {
            Interlocked.Add(ref _totalBytes, bytes.Length);
        }

        Trim();
        return new CachedVariant(path, bytes.Length, ETagFor(key), DateTimeOffset.UtcNow, bytes.Length <= MemoryEntryLimit ? bytes : null);
    }

    private CachedVariant Read(string key, string path)
    {
        Touch(path);
        var info = new FileInfo(path);
        var bytes = info.Length <= MemoryEntryLimit ? File.ReadAllBytes(path) : null;
        return new CachedVariant(path, info.Length, ETagFor(key), info.LastWriteTimeUtc, bytes);
    }

    private void Touch(string path)
    {
        if (_index.TryGetValue(path, out var entry))
        {
            _index[path] = entry with { LastAccess = DateTime.UtcNow.Ticks };
        }
    }

    private static string ETagFor(string key) =>
        "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..20] + "\"";

    private void LoadIndex()
    {
        foreach (var file in new DirectoryInfo(Root).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            if (file.Name.EndsWith(".tmp", StringComparison.Ordinal))
            {
                file.Delete();
                continue;
            }

            _index[file.FullName] = new Entry(file.Length, file.LastWriteTimeUtc.Ticks);
            _totalBytes += file.Length;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove cached variant {Path}")]
    private static partial void LogTrimFailed(ILogger logger, Exception exception, string path);

    private readonly record struct Entry(long Size, long LastAccess);
}
