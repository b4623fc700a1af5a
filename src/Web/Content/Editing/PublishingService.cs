using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Content.Storage;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Content.Editing;

/// <summary>
/// Makes a document's newest version the public one (or takes it down). The change, its routes and an outbox event
/// commit together; the published snapshot and caches follow in the background.
/// </summary>
public sealed class PublishingService(AppDbContext db, TimeProvider clock, ContentEventSignal signal)
{
    public async Task<ContentResult> PublishAsync(int documentId, string actor, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return ContentResult.Fail(ContentOperationStatus.NotFound);
        }

        if (document.ParentId is { } parentId
            && !await db.Documents.AnyAsync(d => d.Id == parentId && d.PublishedVersion != null, cancellationToken))
        {
            return ContentResult.Fail(ContentOperationStatus.ParentNotPublished);
        }

        if (document.PublishedVersion == document.LatestVersion)
        {
            return ContentResult.Ok(document, ContentOperationStatus.NoChanges);
        }

        var version = await db.DocumentVersions.FirstAsync(v => v.DocumentId == documentId && v.Number == document.LatestVersion, cancellationToken);
        var values = ContentValues.Parse(version.Values);
        var problems = ContentValidator.Validate(DocumentTypes.Get(document.ContentType), values);
        if (problems.Count > 0)
        {
            return ContentResult.Fail(ContentOperationStatus.ValidationFailed, problems);
        }

        var slugs = EffectiveSlugs(values);
        var routeParent = document.ParentId ?? DocumentRoute.RootParent;
        var conflicts = await db.DocumentRoutes.AsNoTracking()
            .Where(r => r.ParentId == routeParent && r.DocumentId != documentId)
            .Select(r => new { r.Culture, r.Slug })
            .ToListAsync(cancellationToken);
        var taken = conflicts.Where(r => slugs.TryGetValue(r.Culture, out var slug) && slug == r.Slug)
            .Select(r => new ValidationProblem("slug", r.Culture, "validation.slugTaken", r.Slug))
            .ToList();
        if (taken.Count > 0)
        {
            return ContentResult.Fail(ContentOperationStatus.SlugConflict, taken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var pathsBefore = await Redirects.RedirectRecorder.SnapshotAsync(db, cancellationToken);
        await SetRoutesAsync(document, slugs, cancellationToken);
        document.PublishedVersion = document.LatestVersion;
        document.PublishedAt = now;
        version.PublishedAt = now;
        db.ContentEvents.Add(new ContentEvent { Kind = ContentEventKind.Published, DocumentId = documentId, CreatedAt = now });

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await Redirects.RedirectRecorder.RecordAsync(db, pathsBefore, actor, now, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return ContentResult.Fail(ContentOperationStatus.SlugConflict);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ContentResult.Fail(ContentOperationStatus.ConcurrencyConflict);
        }

        signal.Notify();
        return ContentResult.Ok(document);
    }

    public async Task<ContentResult> UnpublishAsync(int documentId, string actor, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return ContentResult.Fail(ContentOperationStatus.NotFound);
        }

        if (document.PublishedVersion is null)
        {
            return ContentResult.Fail(ContentOperationStatus.NotPublished);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.DocumentRoutes.RemoveRange(await db.DocumentRoutes.Where(r => r.DocumentId == documentId).ToListAsync(cancellationToken));
        document.PublishedVersion = null;
        document.PublishedAt = null;
        document.UpdatedAt = now;
        document.UpdatedBy = actor;
        db.ContentEvents.Add(new ContentEvent { Kind = ContentEventKind.Unpublished, DocumentId = documentId, CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return ContentResult.Ok(document);
    }

    /// <summary>The slug each culture's URL uses: its own, else the Vietnamese one.</summary>
    internal static Dictionary<string, string> EffectiveSlugs(ContentValues values)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var culture in Cultures.All)
        {
            var slug = Cultures.FallbackChain(culture).Select(c => values.GetString("slug", c)).FirstOrDefault(s => s is not null);
            if (slug is not null)
            {
                result[culture] = slug;
            }
        }

        return result;
    }

    private async Task SetRoutesAsync(Document document, Dictionary<string, string> slugs, CancellationToken cancellationToken)
    {
        var existing = await db.DocumentRoutes.Where(r => r.DocumentId == document.Id).ToListAsync(cancellationToken);
        var parent = document.ParentId ?? DocumentRoute.RootParent;
        foreach (var route in existing.Where(r => !slugs.ContainsKey(r.Culture)))
        {
            db.DocumentRoutes.Remove(route);
        }

        foreach (var (culture, slug) in slugs)
        {
            var route = existing.FirstOrDefault(r => r.Culture == culture);
            if (route is null)
            {
                db.DocumentRoutes.Add(new DocumentRoute { DocumentId = document.Id, ParentId = parent, Culture = culture, Slug = slug });
            }
            else
            {
                route.Slug = slug;
                route.ParentId = parent;
            }
        }
    }
}
