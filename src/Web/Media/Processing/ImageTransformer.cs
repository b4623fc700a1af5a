using NetVips;

namespace VillageCraftPortal.Web.Media.Processing;

/// <summary>One variant to make: its size, whether to crop to that size around a focal point, and its format.</summary>
public sealed record VariantSpec(int Width, int Height, bool Crop, double FocalX, double FocalY, OutputFormat Format)
{
    /// <summary>A stable name for the variant, used as its cache key and ETag.</summary>
    public string CacheName =>
        $"{Width}x{Height}-{(Crop ? "c" : "f")}-{(int)Math.Round(FocalX * 100)}-{(int)Math.Round(FocalY * 100)}.{OutputFormats.Extension(Format)}";
}

/// <summary>
/// Makes variants with libvips: thumbnail (shrink-on-load, so a 4000-px JPEG is decoded at a fraction of its size),
/// then a crop placed around the focal point, then the encoder. Masters are sRGB without metadata already.
/// </summary>
public static class ImageTransformer
{
    public static byte[] Render(string masterPath, int sourceWidth, int sourceHeight, VariantSpec spec)
    {
        Vips.Configure();
        if (!spec.Crop)
        {
            using var fitted = Image.Thumbnail(masterPath, spec.Width, height: Math.Max(spec.Height, 1), size: Enums.Size.Down);
            return Encode(fitted, spec.Format);
        }

        // Scale so the image covers the target box, then cut the box out around the focal point.
        var scale = Math.Max((double)spec.Width / sourceWidth, (double)spec.Height / sourceHeight);
        var coverWidth = Math.Max(spec.Width, (int)Math.Ceiling(sourceWidth * scale));
        var coverHeight = Math.Max(spec.Height, (int)Math.Ceiling(sourceHeight * scale));
        using var covered = Image.Thumbnail(masterPath, coverWidth, height: coverHeight, size: Enums.Size.Force);
        var width = Math.Min(spec.Width, covered.Width);
        var height = Math.Min(spec.Height, covered.Height);
        var left = Clamp((int)Math.Round((spec.FocalX * covered.Width) - (width / 2.0)), 0, covered.Width - width);
        var top = Clamp((int)Math.Round((spec.FocalY * covered.Height) - (height / 2.0)), 0, covered.Height - height);
        using var cropped = covered.ExtractArea(left, top, width, height);
        return Encode(cropped, spec.Format);
    }

    public static byte[] Encode(Image image, OutputFormat format) => format switch
    {
        OutputFormat.Avif => image.HeifsaveBuffer(q: 55, compression: Enums.ForeignHeifCompression.Av1, effort: 2, keep: Enums.ForeignKeep.None),
        OutputFormat.WebP => image.WebpsaveBuffer(q: 80, effort: 4, keep: Enums.ForeignKeep.None),
        OutputFormat.Png => image.PngsaveBuffer(compression: 6, keep: Enums.ForeignKeep.None),
        _ => Opaque(image).JpegsaveBuffer(q: 82, optimizeCoding: true, interlace: true, keep: Enums.ForeignKeep.None),
    };

    private static Image Opaque(Image image) => image.HasAlpha() ? image.Flatten(background: [255, 255, 255]) : image;

    private static int Clamp(int value, int min, int max) => Math.Max(min, Math.Min(max, value));
}
