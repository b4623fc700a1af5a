namespace VillageCraftPortal.Web.Media.Processing;

public enum OutputFormat
{
    Jpeg,
    Png,
    WebP,
    Avif,
}

public static class OutputFormats
{
    public static string Extension(OutputFormat format) => format switch
    {
        OutputFormat.Png => "png",
        OutputFormat.WebP => "webp",
        OutputFormat.Avif => "avif",
        _ => "jpg",
    };

    public static string MimeType(OutputFormat format) => format switch
    {
        OutputFormat.Png => "image/png",
        OutputFormat.WebP => "image/webp",
        OutputFormat.Avif => "image/avif",
        _ => "image/jpeg",
    };

    /// <summary>The master's own format when the browser asks for nothing better: PNG stays PNG, the rest JPEG.</summary>
    public static OutputFormat Fallback(string masterFormat) => masterFormat == ImageInspector.Png ? OutputFormat.Png : OutputFormat.Jpeg;

    /// <summary>AVIF, then WebP, then the master's format, from what the Accept header lists.</summary>
    public static OutputFormat Negotiate(string? accept, string masterFormat)
    {
        if (accept is not null)
        {
            if (accept.Contains("image/avif", StringComparison.OrdinalIgnoreCase))
            {
                return OutputFormat.Avif;
            }

            if (accept.Contains("image/webp", StringComparison.OrdinalIgnoreCase))
            {
                return OutputFormat.WebP;
            }
        }

        return Fallback(masterFormat);
    }

    public static bool TryParse(string? value, out OutputFormat format)
    {
        format = OutputFormat.Jpeg;
        switch (value)
        {
            case "jpg" or "jpeg":
                return true;
            case "png":
                format = OutputFormat.Png;
                return true;
            case "webp":
                format = OutputFormat.WebP;
                return true;
            case "avif":
                format = OutputFormat.Avif;
                return true;
            default:
                return false;
        }
    }
}
