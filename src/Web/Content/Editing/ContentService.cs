using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Content.Storage;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Content.Editing;

/// <summary>What a new document starts as.</summary>
public sealed record NewDocument(string ContentType, int? ParentId, ContentValues Values)
{
    public string? Alias { get; init; }

    public Guid? Key { get; init; }

    public int? SortOrder { get; init; }
}

/// <summary>Creates documents and saves their drafts. Saving adds a version and never changes the public site.</summary>
public sealed class ContentService(AppDbContext db, TimeProvider clock, ContentEventSignal signal)
{
    public async Task<ContentResult> CreateAsync(NewDocument request, string actor, CancellationToken cancellationToken = default)
    {
        if (DocumentTypes.Find(request.ContentType) is not { } type)
        {
            return ContentResult.Fail(ContentOperationStatus.ValidationFailed, [new("contentType", null, "validation.choice", request.ContentType)]);
        }

        var level = 0;
        if (request.ParentId is { } parentId)
        {
            var parent = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == parentId, cancellationToken);
            if (parent is null)
            {
                return ContentResult.Fail(ContentOperationStatus.ParentNotFound);
            }

            if (!DocumentTypes.Get(parent.ContentType).Allows(type.Alias))
            {
                return ContentResult.Fail(ContentOperationStatus.NotAllowedUnderParent);
            }

            level = parent.Level + 1;
        }

        if (request.Alias is not null && await db.Documents.AnyAsync(d => d.Alias == request.Alias, cancellationToken))
        {
            return ContentResult.Fail(ContentOperationStatus.AliasConflict);
        }

        if (await ValidateAsync(type, request.ParentId, null, request.Values, cancellationToken) is { } failure)
        {
            return failure;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var sortOrder = request.SortOrder
            ?? (await db.Documents.Where(d => d.ParentId == request.ParentId).MaxAsync(d => (int?)d.SortOrder, cancellationToken) ?? 0) + 1;
        var document = new Document
        {
            Key = request.Key ?? Guid.NewGuid(),
            Alias = request.Alias,
            ContentType = type.Alias,
            ParentId = request.ParentId,
            Level = level,
            SortOrder = sortOrder,
            LatestVersion = 1,
            CreatedAt = now,
            CreatedBy = actor,
            UpdatedAt = now,
            UpdatedBy = actor,
        };
        document.Versions.Add(new DocumentVersion { Number = 1, Values = request.Values.ToJson(), CreatedAt = now, CreatedBy = actor });
        db.Documents.Add(document);
        await db.SaveChangesAsync(cancellationToken);
        return ContentResult.Ok(document);
    }

    /// <summary>
    /// Saves new values as the next version. <paramref name="expectedVersion"/> is the version the editor started
    /// from: when someone else saved meanwhile, the save is refused and nothing is overwritten.
    /// </summary>
    public async Task<ContentResult> SaveAsync(int documentId, ContentValues values, int expectedVersion, string actor, string? comment = null, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return ContentResult.Fail(ContentOperationStatus.NotFound);
        }

        if (document.LatestVersion != expectedVersion)
        {
            return ContentResult.Fail(ContentOperationStatus.ConcurrencyConflict);
        }

        var type = DocumentTypes.Get(document.ContentType);
        if (await ValidateAsync(type, document.ParentId, document.Id, values, cancellationToken) is { } failure)
        {
            return failure;
        }

        var latest = await db.DocumentVersions.AsNoTracking()
            .FirstAsync(v => v.DocumentId == documentId && v.Number == document.LatestVersion, cancellationToken);
        if (latest.Values == values.ToJson())
        {
            return ContentResult.Ok(document, ContentOperationStatus.NoChanges);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        document.LatestVersion++;
        document.UpdatedAt = now;
        document.UpdatedBy = actor;
        db.DocumentVersions.Add(new DocumentVersion
        {
            DocumentId = document.Id,
            Number = document.LatestVersion,
            Values = values.ToJson(),
            CreatedAt = now,
            CreatedBy = actor,
            Comment = comment,
        });

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
        {
            // Another save took this version number between our read and our write.
            db.ChangeTracker.Clear();
            return ContentResult.Fail(ContentOperationStatus.ConcurrencyConflict);
        }

        return ContentResult.Ok(document);
    }

    /// <summary>Deletes a document with no children, its versions and routes; published ones leave the site too.</summary>
    public async Task<ContentResult> DeleteAsync(int documentId, string actor, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return ContentResult.Fail(ContentOperationStatus.NotFound);
        }

        if (document.ParentId is null || await db.Documents.AnyAsync(d => d.ParentId == documentId, cancellationToken))
        {
            return ContentResult.Fail(ContentOperationStatus.HasChildren);
        }

        db.Documents.Remove(document);
        db.ContentEvents.Add(new ContentEvent { Kind = ContentEventKind.Deleted, DocumentId = documentId, CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify(); // A published page leaves the site (and its search) now, not at the next poll.
        return ContentResult.Ok(document);
    }

    private async Task<ContentResult?> ValidateAsync(DocumentType type, int? parentId, int? documentId, ContentValues values, CancellationToken cancellationToken)
    {
        var problems = ContentValidator.Validate(type, values, ValidationLevel.Draft);
        if (problems.Count > 0)
        {
            return ContentResult.Fail(ContentOperationStatus.ValidationFailed, problems);
        }

        var conflicts = await SiblingSlugs.FindConflictsAsync(db, parentId, documentId, values, cancellationToken);
        return conflicts.Count > 0 ? ContentResult.Fail(ContentOperationStatus.SlugConflict, conflicts) : null;
    }
}
