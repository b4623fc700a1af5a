using Microsoft.Extensions.Options;

namespace VillageCraftPortal.Web.Media.Upload;

/// <summary>
/// The checks every incoming image passes, in order of cost: size, type by content (SVG refused), declared
/// pixels and frames from the header. Decoding comes later and only for files that pass.
/// </summary>
public sealed class ImageValidator(IOptions<MediaOptions> options)
{
    public (ImageInfo? Info, UploadError? Error) Check(string path)
    {
        var length = new FileInfo(path).Length;
        if (length == 0)
        {
            return (null, UploadError.Empty);
        }

        if (length > options.Value.MaxUploadBytes)
        {
            return (null, UploadError.TooLarge);
        }

        var header = ImageInspector.ReadHeader(path);
        if (ImageInspector.LooksLikeSvg(header))
        {
            return (null, UploadError.SvgRefused);
        }

        if (ImageInspector.DetectFormat(header) is null)
        {
            return (null, UploadError.UnsupportedType);
        }

        if (ImageInspector.Inspect(path) is not { } info)
        {
            return (null, UploadError.Corrupt);
        }

        if (info.Frames > options.Value.MaxFrames)
        {
            return (null, UploadError.TooManyFrames);
        }

        return info.Pixels > options.Value.MaxPixels ? (null, UploadError.TooManyPixels) : (info, null);
    }
}
