using System.Security.Cryptography;
using NetVips;
using VillageCraftPortal.Web.Infrastructure;
using VillageCraftPortal.Web.Media.Processing;

namespace VillageCraftPortal.Web.Media;

/// <summary>A stored master: what every variant is made from.</summary>
public sealed record MasterImage(string Hash, string Format, int Width, int Height, bool HasAlpha);

/// <summary>
/// The masters of uploaded images, stored once per content hash of the uploaded file under
/// DataDir/media/originals/ab/abcdef….jpg. A master is the upload made safe: EXIF orientation applied, converted
/// to sRGB, every piece of metadata (GPS included) removed, first frame only for GIFs.
/// </summary>
public sealed class MediaOriginals(DataDirectory dataDirectory)
{
    private const int MasterJpegQuality = 92;

    public string Root { get; } = Path.Combine(dataDirectory.Media, "originals");

    /// <summary>A fresh path for an upload in progress, next to the masters (same file system, so moves are atomic).</summary>
    public string NewIncomingPath()
    {
        var directory = Path.Combine(Root, "..", "incoming");
        Directory.CreateDirectory(directory);
        return Path.GetFullPath(Path.Combine(directory, Guid.NewGuid().ToString("N")));
    }

    public string PathOf(string hash, string format) => Path.Combine(Root, hash[..2], $"{hash}.{format}");

    public static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    /// <summary>The master for this hash if it is already stored (the same file uploaded before).</summary>
    public MasterImage? Find(string hash)
    {
        foreach (var format in new[] { ImageInspector.Jpeg, ImageInspector.Png })
        {
            var path = PathOf(hash, format);
            if (File.Exists(path))
            {
                Vips.Configure();
                using var image = Image.NewFromFile(path, access: Enums.Access.Sequential);
                return new MasterImage(hash, format, image.Width, image.Height, image.HasAlpha());
            }
        }

        return null;
    }

    /// <summary>
    /// Decodes the upload fully and writes its master; throws <see cref="VipsException"/> for a file that does not
    /// decode (truncated, corrupt). Returns the existing master when the same bytes were stored before.
    /// </summary>
    public MasterImage Store(string sourcePath, string hash)
    {
        if (Find(hash) is { } existing)
        {
            return existing;
        }

        Vips.Configure();
        using var loaded = Image.NewFromFile(sourcePath, failOn: Enums.FailOn.Error);
        using var rotated = loaded.Autorot();
        using var srgb = ToSrgb(rotated);
        var hasAlpha = srgb.HasAlpha();
        var format = hasAlpha || ImageInspector.DetectFormat(ImageInspector.ReadHeader(sourcePath)) == ImageInspector.Png
            ? ImageInspector.Png
            : ImageInspector.Jpeg;
        var target = PathOf(hash, format);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            // Encoding reads every pixel: a truncated or corrupt file fails here, before anything is kept.
            var bytes = format == ImageInspector.Png
                ? srgb.PngsaveBuffer(compression: 6, keep: Enums.ForeignKeep.None)
                : srgb.JpegsaveBuffer(q: MasterJpegQuality, optimizeCoding: true, keep: Enums.ForeignKeep.None);
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return new MasterImage(hash, format, srgb.Width, srgb.Height, hasAlpha);
    }

    /// <summary>
    /// Keeps a file that already is a master (one written by export-content) byte for byte under the hash of the upload
    /// it was made from: encoding it again would change its bytes. It is decoded in full first, like an upload.
    /// </summary>
    public MasterImage StoreMaster(string masterPath, string hash, string format)
    {
        if (Find(hash) is { } existing)
        {
            return existing;
        }

        Vips.Configure();
        using var image = Image.NewFromFile(masterPath, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
        _ = image.Avg(); // reads every pixel: a truncated or corrupt file fails here, before anything is kept
        var target = PathOf(hash, format);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.Copy(masterPath, temporary, overwrite: true);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return new MasterImage(hash, format, image.Width, image.Height, image.HasAlpha());
    }

    public void Delete(string hash, string format) => File.Delete(PathOf(hash, format));

    private static Image ToSrgb(Image image)
    {
        if (image.GetTypeOf("icc-profile-data") != 0)
        {
            return image.IccTransform("srgb", embedded: true, intent: Enums.Intent.Perceptual);
        }

        // Grey, CMYK, 16-bit and the rest become 8-bit sRGB; an sRGB image passes through.
        return image.Colourspace(Enums.Interpretation.Srgb);
    }
}
