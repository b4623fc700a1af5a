using VillageCraftPortal.Web.Media;
using VillageCraftPortal.Web.Media.Upload;

namespace VillageCraftPortal.Web.Content.Import;

/// <summary>An image in umbraco-content with the details from its sidecar .yml file.</summary>
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
    double FocalY);

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
        return new SeedMedia(
            alias, folder, relative, image, info, await MediaOriginals.HashAsync(image, cancellationToken), new FileInfo(image).Length,
            alt, caption, yaml.OptionalScalar(mapping, "credit"), yaml.OptionalScalar(mapping, "licence"), focalX, focalY);
    }
}
