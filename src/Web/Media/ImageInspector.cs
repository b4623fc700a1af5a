using System.Text;
using VillageCraftPortal.Web.Media.Processing;

namespace VillageCraftPortal.Web.Media;

/// <summary>What an image file is, decided from its bytes (never from its name), and its size from its header.</summary>
public sealed record ImageInfo(string Format, int Width, int Height, int Frames = 1)
{
    public long Pixels => (long)Width * Height * Math.Max(1, Frames);
}

public static class ImageInspector
{
    public const string Jpeg = "jpg";
    public const string Png = "png";
    public const string Gif = "gif";
    public const string WebP = "webp";
    public const string Avif = "avif";

    /// <summary>The format from the file's magic bytes, or null when it is none we accept (SVG, HTML, anything else).</summary>
    public static string? DetectFormat(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
        {
            return Jpeg;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8) && (header[8..12].SequenceEqual("avif"u8) || header[8..12].SequenceEqual("avis"u8)))
        {
            return Avif;
        }

        return null;
    }

    /// <summary>True when the bytes look like SVG or XML, which we refuse outright (it can carry script).</summary>
    public static bool LooksLikeSvg(ReadOnlySpan<byte> header)
    {
        var text = Encoding.UTF8.GetString(header).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith("<svg", StringComparison.OrdinalIgnoreCase)
            || (text.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && text.Contains("<svg", StringComparison.OrdinalIgnoreCase))
            || (text.StartsWith("<!DOCTYPE svg", StringComparison.OrdinalIgnoreCase));
    }

    public static string MimeType(string format) => format switch
    {
        Jpeg => "image/jpeg",
        Png => "image/png",
        Gif => "image/gif",
        WebP => "image/webp",
        Avif => "image/avif",
        _ => "application/octet-stream",
    };

    public static byte[] ReadHeader(string path, int length = 512)
    {
        var buffer = new byte[length];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(buffer, length, throwOnEndOfStream: false);
        return buffer[..read];
    }

    /// <summary>
    /// Reads the format and dimensions (and frames, for GIFs) from the header only: no pixel is decoded, so a file
    /// that declares 60,000 × 60,000 costs nothing to refuse. Null when the file is not an accepted image.
    /// </summary>
    public static ImageInfo? Inspect(string path)
    {
        Vips.Configure();
        var header = ReadHeader(path);
        if (DetectFormat(header) is not { } format)
        {
            return null;
        }

        try
        {
            using var image = NetVips.Image.NewFromFile(path, access: NetVips.Enums.Access.Sequential);
            var frames = format == Gif && image.GetTypeOf("n-pages") != 0 ? (int)image.Get("n-pages") : 1;
            return new ImageInfo(format, image.Width, image.Height, frames);
        }
        catch (NetVips.VipsException)
        {
            return null;
        }
    }
}
