using VillageCraftPortal.Web.Content.Import;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Content.Values;

namespace VillageCraftPortal.Web.Content.Export;

/// <summary>A document as export-content writes it: its file, its key, and the values an import must read back.</summary>
public sealed record ExportDocument(string File, string Alias, string? ParentAlias, DocumentType Type, int SortOrder, ContentValues Values);

/// <summary>A media item as written: its master copied to <see cref="File"/>, with a sidecar beside it.</summary>
public sealed record ExportMedia(
    string Alias,
    string Folder,
    string Format,
    string MasterPath,
    string UploadHash,
    LocalizedText Alt,
    LocalizedText Caption,
    string? Credit,
    string? Licence,
    double FocalX,
    double FocalY)
{
    public string File => $"{Folder}/media/{Alias}.{Format}";

    public string Sidecar => $"{Folder}/media/{Alias}.yml";
}

/// <summary>
/// Everything an export writes. <see cref="Warnings"/> name what had to be left out or changed (references to
/// documents that are not exported, a media folder that is not a valid folder name...); <see cref="LeftOut"/> counts
/// the documents the public does not see.
/// </summary>
public sealed record ExportContent(
    IReadOnlyList<ExportDocument> Documents,
    IReadOnlyList<ExportMedia> Media,
    IReadOnlyList<PublicHoliday> Holidays,
    IReadOnlyList<string> Warnings,
    int LeftOut)
{
    /// <summary>The products on sale, each with its file (&lt;village&gt;/products/&lt;key&gt;.md) and current stock.</summary>
    public IReadOnlyList<SeedProduct> Products { get; init; } = [];
}

/// <summary>A value that cannot be written so that an import reads it back unchanged.</summary>
public sealed class ExportException(string reason) : Exception(reason);
