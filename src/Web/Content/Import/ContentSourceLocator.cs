namespace VillageCraftPortal.Web.Content.Import;

public sealed class ContentImportOptions
{
    public const string Section = "Content";

    /// <summary>The seed content folder. Empty: the nearest "umbraco-content" folder above the content root.</summary>
    public string? SeedDirectory { get; set; }
}

public static class ContentSourceLocator
{
    public const string FolderName = "umbraco-content";

    public static string? Find(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var path = Path.GetFullPath(Path.IsPathRooted(configured) ? configured : Path.Combine(contentRoot, configured));
            return Directory.Exists(path) ? path : null;
        }

        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FolderName);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
