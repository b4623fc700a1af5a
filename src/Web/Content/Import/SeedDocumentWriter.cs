using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Content.Editing;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Content.Import;

/// <summary>
/// Creates the seed documents, parents first, or saves a new version where a document's content differs, and
/// publishes them through the same services the backoffice uses.
/// </summary>
public sealed class SeedDocumentWriter(AppDbContext db, ContentService contentService, PublishingService publishing)
{
    public async Task<(int Created, int Updated, ImportError? Failure)> WriteAsync(IReadOnlyList<SeedDocument> documents, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var (created, updated) = (0, 0);
        foreach (var document in TreeOrder(documents))
        {
            var parentId = document.ParentAlias is null ? (int?)null : ids[document.ParentAlias];
            var existing = await db.Documents.FirstOrDefaultAsync(d => d.Alias == document.Alias, cancellationToken);
            ContentResult result;
            if (existing is null)
            {
                result = await contentService.CreateAsync(
                    new NewDocument(document.Type.Alias, parentId, document.Values) { Alias = document.Alias, Key = document.Key, SortOrder = document.SortOrder },
                    ContentImporter.Actor, cancellationToken);
                created += result.Succeeded ? 1 : 0;
            }
            else
            {
                existing.ParentId = parentId;
                existing.SortOrder = document.SortOrder;
                await db.SaveChangesAsync(cancellationToken);
                result = await contentService.SaveAsync(existing.Id, document.Values, existing.LatestVersion, ContentImporter.Actor, "import-content --force", cancellationToken);
                updated += result.Status == ContentOperationStatus.Success ? 1 : 0;
            }

            if (result.Succeeded)
            {
                result = await publishing.PublishAsync(result.Document!.Id, ContentImporter.Actor, cancellationToken);
            }

            if (!result.Succeeded)
            {
                var detail = result.Problems is { Count: > 0 } problems ? string.Join("; ", problems) : result.Status.ToString();
                return (created, updated, new ImportError(document.File, 0, $"could not be saved: {detail}"));
            }

            ids[document.Alias] = result.Document!.Id;
        }

        return (created, updated, null);
    }

    private static IEnumerable<SeedDocument> TreeOrder(IReadOnlyList<SeedDocument> documents)
    {
        var byParent = documents.ToLookup(d => d.ParentAlias ?? string.Empty);
        var queue = new Queue<SeedDocument>(byParent[string.Empty]);
        while (queue.TryDequeue(out var document))
        {
            yield return document;
            foreach (var child in byParent[document.Alias].OrderBy(c => c.SortOrder))
            {
                queue.Enqueue(child);
            }
        }
    }
}
