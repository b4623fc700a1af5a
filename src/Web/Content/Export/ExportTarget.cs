namespace VillageCraftPortal.Web.Content.Export;

/// <summary>
/// The folder an export goes to. The export is written into a hidden folder beside it and moved into place only when
/// complete and checked, so a failure never leaves a half-written folder; an earlier export is replaced only with
/// --force, and only when it looks like content (a folder of something else is never deleted).
/// </summary>
internal sealed class ExportTarget
{
    private ExportTarget(string path, string parent, string name)
    {
        Path = path;
        Parent = parent;
        Name = name;
    }

    public string Path { get; }

    private string Parent { get; }

    private string Name { get; }

    public static ExportTarget? Of(string path)
    {
        var full = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(path));
        var parent = System.IO.Path.GetDirectoryName(full);
        var name = System.IO.Path.GetFileName(full);
        return parent is null || name.Length == 0 ? null : new ExportTarget(full, parent, name);
    }

    /// <summary>Why the export may not go here, or null when it may.</summary>
    public string? Refusal(bool force)
    {
        if (File.Exists(Path))
        {
            return $"{Path} is a file, not a folder.";
        }

        if (!Directory.Exists(Path) || !Directory.EnumerateFileSystemEntries(Path).Any())
        {
            return null;
        }

        if (!force)
        {
            return $"{Path} is not empty. Use --force to replace it.";
        }

        return LooksLikeContent(Path) ? null : $"{Path} does not look like exported content (no site/home.md or holidays.yml); it is not replaced, even with --force.";
    }

    public string CreateStaging()
    {
        Directory.CreateDirectory(Parent);
        var staging = System.IO.Path.Combine(Parent, $".{Name}.export-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return staging;
    }

    /// <summary>Moves the finished export into place; an earlier export is moved aside first and removed only after.</summary>
    public void Replace(string staging)
    {
        if (!Directory.Exists(Path))
        {
            Directory.Move(staging, Path);
            return;
        }

        var previous = System.IO.Path.Combine(Parent, $".{Name}.previous-{Guid.NewGuid():N}");
        Directory.Move(Path, previous);
        try
        {
            Directory.Move(staging, Path);
        }
        catch
        {
            Directory.Move(previous, Path);
            throw;
        }

        Directory.Delete(previous, recursive: true);
    }

    private static bool LooksLikeContent(string path) =>
        File.Exists(System.IO.Path.Combine(path, "site", "home.md")) || File.Exists(System.IO.Path.Combine(path, Import.HolidaysReader.FileName));
}
