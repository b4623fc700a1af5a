using System.Data;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Web.Content.Import;
using VillageCraftPortal.Web.Content.Storage;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Content.Values;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Media;

namespace VillageCraftPortal.Web.Content.Export;

/// <summary>
/// Reads what the public sees, in one consistent read: the published version of every document whose ancestors are
/// all published (as the published snapshot links them), every media item and the public holidays.
/// </summary>
public sealed class ExportContentReader(AppDbContext db, MediaOriginals originals)
{
    public async Task<ExportContent> ReadAsync(CancellationToken cancellationToken)
    {
        List<PublishedRow> rows;
        List<MediaItem> media;
        List<PublicHolidayRow> holidays;
        List<Product> products;
        int documentCount;
        await using (var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken))
        {
            rows = await db.Documents.AsNoTracking()
                .Where(d => d.PublishedVersion != null)
                .Join(db.DocumentVersions, d => new { DocumentId = d.Id, Number = d.PublishedVersion!.Value }, v => new { v.DocumentId, v.Number },
                    (d, v) => new PublishedRow(d.Id, d.Key, d.Alias, d.ContentType, d.ParentId, d.SortOrder, v.Values))
                .ToListAsync(cancellationToken);
            documentCount = await db.Documents.CountAsync(cancellationToken);
            media = await db.MediaItems.AsNoTracking().OrderBy(m => m.Id).ToListAsync(cancellationToken);
            holidays = await db.PublicHolidays.AsNoTracking().OrderBy(h => h.From).ThenBy(h => h.To).ThenBy(h => h.Id).ToListAsync(cancellationToken);
            products = await db.Set<Product>().AsNoTracking().AsSplitQuery().Include(p => p.Variants).Include(p => p.Sources)
                .Where(p => p.IsListed).OrderBy(p => p.Alias).ToListAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var warnings = new List<string>();
        var nodes = ExportLayout.Tree(rows.Select(r => new ExportNode(r.Id, r.Key, r.Alias, DocumentTypes.Find(r.ContentType), r.ParentId, r.SortOrder, ContentValues.Parse(r.Values))).ToList());
        var exportedMedia = ReadMedia(media, warnings);
        ExportLayout.AssignAliases(nodes);
        var documentKeys = nodes.ToDictionary(n => n.Key, n => StableKeys.ForDocument(n.Alias!));
        var mediaKeys = media.Zip(exportedMedia).ToDictionary(p => p.First.Key, p => StableKeys.ForMedia(p.Second.Alias));
        var values = new ExportValues(documentKeys, mediaKeys, warnings);
        foreach (var node in nodes)
        {
            node.Values = values.Clean(node.Alias!, node.Type!, node.Values);
        }

        ExportLayout.AssignFiles(nodes);
        var documents = nodes.Select(n => new ExportDocument(n.File!, n.Alias!, n.Parent?.Alias, n.Type!, n.SortOrder, n.Values)).ToList();
        return new ExportContent(
            documents,
            exportedMedia,
            [.. holidays.Select(h => new PublicHoliday(h.From, h.To, Text(h.Names)))],
            warnings,
            documentCount - nodes.Count)
        {
            Products = Products(products, ExportLayout.VillageFolders(nodes), exportedMedia.Select(m => m.Alias).ToHashSet(StringComparer.Ordinal), warnings),
        };
    }

    /// <summary>
    /// Products on sale go to their village's folder. One whose village or key cannot be written is left out, and an
    /// image that is not exported is dropped, each with a warning; products taken off sale are not exported.
    /// </summary>
    private static List<SeedProduct> Products(List<Product> products, HashSet<string> villages, HashSet<string> media, List<string> warnings)
    {
        var result = new List<SeedProduct>();
        foreach (var product in products)
        {
            if (!Slugs.IsValid(product.Alias) || !villages.Contains(product.VillageCode))
            {
                warnings.Add($"product '{product.Alias}': its key or its village '{product.VillageCode}' cannot be written as a folder of the export; left out");
                continue;
            }

            if (product.ImageKeys.Where(k => !media.Contains(k)).ToList() is { Count: > 0 } missing)
            {
                product.ImageKeys = [.. product.ImageKeys.Where(media.Contains)];
                warnings.Add(product.ImageKeys.Count > 0
                    ? $"product '{product.Alias}': image(s) {string.Join(", ", missing)} no longer exist; left out of its images"
                    : $"product '{product.Alias}': none of its images exists any more; left out");
                if (product.ImageKeys.Count == 0)
                {
                    continue;
                }
            }

            result.Add(new SeedProduct(ProductFileWriter.FileOf(product), product));
        }

        return result;
    }

    private List<ExportMedia> ReadMedia(List<MediaItem> media, List<string> warnings)
    {
        var aliases = ExportLayout.MediaAliases(media);
        var result = new List<ExportMedia>(media.Count);
        foreach (var item in media)
        {
            var alias = aliases[item.Id];
            var folder = Slugs.IsValid(item.Folder) ? item.Folder : Slugs.Slugify(item.Folder) is { Length: > 0 } slug ? slug : "media";
            if (folder != item.Folder)
            {
                warnings.Add($"media '{alias}': folder '{item.Folder}' is not a folder name; written to {folder}/media (an import files it under '{folder}')");
            }

            result.Add(new ExportMedia(
                alias, folder, item.Format, originals.PathOf(item.FileHash, item.Format), item.FileHash,
                Text(item.Alt), Text(item.Caption), item.Credit, item.Licence, item.FocalX, item.FocalY));
        }

        return result;
    }

    private static LocalizedText Text(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<LocalizedText>(json, ContentJson.Options) ?? [];

    private sealed record PublishedRow(int Id, Guid Key, string? Alias, string ContentType, int? ParentId, int SortOrder, string Values);
}
