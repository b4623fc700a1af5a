using VillageCraftPortal.Web.Media;
using VillageCraftPortal.Web.Media.Upload;
using YamlDotNet.RepresentationModel;

namespace VillageCraftPortal.Web.Content.Import;

/// <summary>
/// An image in umbraco-content with the details from its sidecar .yml file. <see cref="IsMaster"/>: the file is a
/// master written by export-content, kept as it is under <see cref="Hash"/>, the hash of the upload it was made from.
/// </summary>
public sealed record SeedMedia(
    string Alias,
    string Folder,
    string File,
    string FullPath,
    ImageInfo Image,
    string Hash,
    long Bytes,
    LocalizedText Alt,
    LocalizedText Caption,
    string? Credit,
    string? Licence,
    double FocalX,
    double FocalY,
    bool IsMaster);

/// <summary>Reads media/&lt;key&gt;.yml sidecars and the images beside them.</summary>
internal static class SeedMediaReader
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"];

    public static async Task<List<SeedMedia>> ReadAsync(string root, ImageValidator validator, List<ImportError> errors, CancellationToken cancellationToken)
    {
        var result = new List<SeedMedia>();
        var mediaFiles = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "media")
            .Order(StringComparer.Ordinal)
            .ToList();

        foreach (var image in mediaFiles.Where(f => ImageExtensions.Contains(Path.GetExtension(f).ToLowerInvariant())))
        {
            var relative = Relative(root, image);
            var sidecar = Path.ChangeExtension(image, ".yml");
            if (!File.Exists(sidecar))
            {
                errors.Add(new ImportError(relative, 0, $"no sidecar {Path.GetFileName(sidecar)} with its alt text"));
                continue;
            }

            try
            {
                result.Add(await ReadOneAsync(root, image, sidecar, validator, cancellationToken));
            }
            catch (ImportException ex)
            {
                errors.Add(ex.Error);
            }
        }

        foreach (var sidecar in mediaFiles.Where(f => Path.GetExtension(f) == ".yml"))
        {
            if (!ImageExtensions.Any(ext => File.Exists(Path.ChangeExtension(sidecar, ext))))
            {
                errors.Add(new ImportError(Relative(root, sidecar), 0, "no image beside this sidecar"));
            }
        }

        foreach (var duplicate in result.GroupBy(m => m.Alias).Where(g => g.Count() > 1))
        {
            errors.Add(new ImportError(duplicate.Last().File, 0, $"media key '{duplicate.Key}' is used twice (also {duplicate.First().File})"));
        }

        return result;
    }

    internal static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static async Task<SeedMedia> ReadOneAsync(string root, string image, string sidecar, ImageValidator validator, CancellationToken cancellationToken)
    {
        var relative = Relative(root, image);
        var alias = Path.GetFileNameWithoutExtension(image);
        if (!Slugs.IsValid(alias))
        {
            throw new ImportException(new ImportError(relative, 0, $"media key '{alias}' must be lower-case letters, digits and hyphens"));
        }

        var (info, error) = validator.Check(image);
        if (info is null)
        {
            throw new ImportException(new ImportError(relative, 0, $"refused by the image pipeline ({error}): only JPEG, PNG, WebP, GIF or AVIF within the size limits"));
        }

        var yaml = new YamlContext(Relative(root, sidecar), 0);
        var mapping = YamlContext.ParseMapping(await File.ReadAllTextAsync(sidecar, cancellationToken), yaml);
        var altNode = YamlContext.Get(mapping, "alt") ?? throw yaml.Error(mapping, "alt: (vi and en) is required");
        var alt = yaml.Localized(altNode, "alt");
        if (!alt.TryGetValue(Cultures.Vietnamese, out var altVi) || string.IsNullOrWhiteSpace(altVi))
        {
            throw yaml.Error(altNode, "alt needs a Vietnamese (vi) text");
        }

        var caption = YamlContext.Get(mapping, "caption") is { } c ? yaml.Localized(c, "caption") : [];
        var (focalX, focalY) = (0.5, 0.5);
        if (YamlContext.Get(mapping, "focalPoint") is { } focalNode)
        {
            var focal = yaml.Mapping(focalNode, "focalPoint");
            focalX = YamlContext.Get(focal, "x") is { } x ? yaml.Number(x, "x") : 0.5;
            focalY = YamlContext.Get(focal, "y") is { } y ? yaml.Number(y, "y") : 0.5;
            if (focalX is < 0 or > 1 || focalY is < 0 or > 1)
            {
                throw yaml.Error(focalNode, "focalPoint x and y must be between 0 and 1");
            }
        }

        var folder = relative.Split('/')[0];
        var fileHash = await MediaOriginals.HashAsync(image, cancellationToken);
        var uploadHash = UploadHashOfMaster(yaml, mapping, fileHash, info);
        return new SeedMedia(
            alias, folder, relative, image, info, uploadHash ?? fileHash, new FileInfo(image).Length,
            alt, caption, yaml.OptionalScalar(mapping, "credit"), yaml.OptionalScalar(mapping, "licence"), focalX, focalY,
            IsMaster: uploadHash is not null);
    }

    /// <summary>
    /// The "master:" block export-content writes: the image is the stored master of an upload, whose hash is its id
    /// in media URLs. It counts only while the file is the one exported (its fileHash); a replaced image is a new one.
    /// </summary>
    private static string? UploadHashOfMaster(YamlContext yaml, YamlMappingNode sidecar, string fileHash, ImageInfo info)
    {
        if (YamlContext.Get(sidecar, "master") is not { } node)
        {
            return null;
        }

        var master = yaml.Mapping(node, "master");
        var uploadHash = yaml.OptionalScalar(master, "uploadHash");
        var exportedHash = yaml.OptionalScalar(master, "fileHash");
        if (!IsSha256(uploadHash) || !IsSha256(exportedHash))
        {
            throw yaml.Error(node, "master needs uploadHash and fileHash, each a SHA-256 in 64 lower-case hex digits");
        }

        return exportedHash == fileHash && info.Format is ImageInspector.Jpeg or ImageInspector.Png ? uploadHash : null;
    }

    private static bool IsSha256(string? value) => value is { Length: 64 } && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
