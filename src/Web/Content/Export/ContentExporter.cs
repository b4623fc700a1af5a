namespace VillageCraftPortal.Web.Content.Export;

public enum ExportStatus
{
    Exported,
    Refused,
    Failed,
}

public sealed record ExportResult(ExportStatus Status, IReadOnlyList<string> Problems, IReadOnlyList<string> Warnings, string? Folder = null)
{
    public int Documents { get; init; }

    public int Media { get; init; }

    public int Holidays { get; init; }

    public int Products { get; init; }

    /// <summary>Documents not exported because the public does not see them (unpublished, or under an unpublished parent).</summary>
    public int LeftOut { get; init; }
}

/// <summary>
/// Writes the published content in the umbraco-content format, all or nothing: the export is written beside the
/// target, read back with the importer and compared, and only then moved into place.
/// </summary>
public sealed class ContentExporter(ExportContentReader reader, ExportFolderWriter writer, ExportVerifier verifier)
{
    public async Task<ExportResult> ExportAsync(string folder, bool force, CancellationToken cancellationToken = default)
    {
        if (ExportTarget.Of(folder) is not { } target)
        {
            return new ExportResult(ExportStatus.Refused, [$"'{folder}' cannot be replaced: choose a folder inside another one."], []);
        }

        if (target.Refusal(force) is { } refusal)
        {
            return new ExportResult(ExportStatus.Refused, [refusal], []);
        }

        var content = await reader.ReadAsync(cancellationToken);
        if (content.Documents.Count == 0)
        {
            return new ExportResult(ExportStatus.Failed, ["Nothing to export: no published document."], content.Warnings);
        }

        var staging = target.CreateStaging();
        try
        {
            var problems = await writer.WriteAsync(content, staging, cancellationToken);
            if (problems.Count == 0)
            {
                problems = await verifier.VerifyAsync(staging, content, cancellationToken);
            }

            if (problems.Count > 0)
            {
                return new ExportResult(ExportStatus.Failed, problems, content.Warnings);
            }

            target.Replace(staging);
            return new ExportResult(ExportStatus.Exported, [], content.Warnings, target.Path)
            {
                Documents = content.Documents.Count,
                Media = content.Media.Count,
                Holidays = content.Holidays.Count,
                Products = content.Products.Count,
                LeftOut = content.LeftOut,
            };
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }
}
