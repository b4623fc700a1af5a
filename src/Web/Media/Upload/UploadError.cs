namespace VillageCraftPortal.Web.Media.Upload;

/// <summary>Why an upload was refused. Each has a message in the interface texts ("upload.{name}").</summary>
public enum UploadError
{
    Empty,
    TooLarge,
    SvgRefused,
    UnsupportedType,
    TooManyPixels,
    TooManyFrames,
    Corrupt,
    AltTextRequired,
    FolderRequired,
}

public static class UploadErrors
{
    public static string MessageKey(UploadError error) => "upload." + error.ToString().ToLowerInvariant();
}
