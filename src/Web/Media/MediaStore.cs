using System.Security.Cryptography;
using VillageCraftPortal.Web.Infrastructure;

namespace VillageCraftPortal.Web.Media;

/// <summary>
/// Original files, stored once per content hash under DataDir/media/originals/ab/abcdef….jpg, so the same file
/// uploaded twice is stored once and an original's URL never changes meaning.
/// </summary>
public sealed class MediaStore(DataDirectory dataDirectory)
{
    public string OriginalsRoot { get; } = Path.Combine(dataDirectory.Media, "originals");

    public string OriginalPath(string hash, string format) => Path.Combine(OriginalsRoot, hash[..2], $"{hash}.{format}");

    public static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    /// <summary>Copies a file into the store; returns false when an identical file was already there.</summary>
    public async Task<bool> StoreAsync(string sourcePath, string hash, string format, CancellationToken cancellationToken)
    {
        var target = OriginalPath(hash, format);
        if (File.Exists(target))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await using (var source = File.OpenRead(sourcePath))
        await using (var destination = File.Create(temporary))
        {
            await source.CopyToAsync(destination, cancellationToken);
        }

        File.Move(temporary, target, overwrite: true);
        return true;
    }

    public void Delete(string hash, string format) => File.Delete(OriginalPath(hash, format));
}
