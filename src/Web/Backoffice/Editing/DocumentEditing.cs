using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Backoffice.Audit;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Editing;
using VillageCraftPortal.Web.Content.Storage;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Backoffice.Editing;

/// <summary>A document as the editor works on it: its row, its type, its newest values and where it belongs.</summary>
public sealed record EditContext(Document Document, DocumentType Type, ContentValues Values, DocumentScope Scope)
{
    public string? Village => Scope.VillageCode;
}

/// <summary>
/// The backoffice's writes to documents, each checked against the user's access and audited: save, submit for
/// review, publish, send back, unpublish, roll back. Out-of-scope documents are "not found", never revealed.
/// </summary>
public sealed class DocumentEditing(AppDbContext db, ContentService content, PublishingService publishing, BackofficeAccess access, AuditLog audit, ContentScopes scopes)
{
    public async Task<EditContext?> LoadAsync(int id, CancellationToken cancellationToken = default)
    {
        var scope = await scopes.FindAsync(id, cancellationToken);
        if (scope is null || !access.CanWorkOn(scope.VillageCode))
        {
            return null;
        }

        var document = await db.Documents.AsNoTracking().FirstAsync(d => d.Id == id, cancellationToken);
        var version = await db.DocumentVersions.AsNoTracking().FirstAsync(v => v.DocumentId == id && v.Number == document.LatestVersion, cancellationToken);
        return new EditContext(document, DocumentTypes.Get(document.ContentType), ContentValues.Parse(version.Values), scope);
    }

    /// <summary>Whether the user may edit a culture of this document (null: invariant values).</summary>
    public bool CanEdit(EditContext context, string? culture) =>
        culture is null ? access.CanEditInvariant(context.Village) : access.CanEditCulture(context.Village, culture);

    public async Task<ContentResult> SaveAsync(EditContext context, ContentValues values, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var result = await content.SaveAsync(context.Document.Id, values, expectedVersion, access.UserName, cancellationToken: cancellationToken);
        if (result.Status == ContentOperationStatus.Success)
        {
            await audit.WriteAsync(AuditActions.Save, access.UserName, "document", Describe(context), $"version {result.Document!.LatestVersion}", cancellationToken: cancellationToken);
        }

        return result;
    }

    public async Task<bool> SubmitAsync(EditContext context, string? note, CancellationToken cancellationToken = default) =>
        await SetReviewAsync(context, ReviewState.InReview, note, AuditActions.ReviewSubmit, cancellationToken);

    public async Task<bool> ReturnAsync(EditContext context, string comment, CancellationToken cancellationToken = default) =>
        access.CanPublish(context.Village) && context.Document.ReviewState == ReviewState.InReview
        && await SetReviewAsync(context, ReviewState.ChangesRequested, comment, AuditActions.ReviewReturn, cancellationToken);

    public async Task<ContentResult?> PublishAsync(EditContext context, CancellationToken cancellationToken = default)
    {
        if (!access.CanPublish(context.Village))
        {
            return null;
        }

        var result = await publishing.PublishAsync(context.Document.Id, access.UserName, cancellationToken);
        if (result.Succeeded)
        {
            await db.Documents.Where(d => d.Id == context.Document.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ReviewState, ReviewState.None).SetProperty(d => d.ReviewComment, (string?)null), cancellationToken);
            await audit.WriteAsync(AuditActions.Publish, access.UserName, "document", Describe(context), $"version {context.Document.LatestVersion}", cancellationToken: cancellationToken);
        }

        return result;
    }

    public async Task<ContentResult?> UnpublishAsync(EditContext context, CancellationToken cancellationToken = default)
    {
        if (!access.CanPublish(context.Village) || context.Document.ParentId is null)
        {
            return null;
        }

        var result = await publishing.UnpublishAsync(context.Document.Id, access.UserName, cancellationToken);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.Unpublish, access.UserName, "document", Describe(context), cancellationToken: cancellationToken);
        }

        return result;
    }

    /// <summary>Rolling back saves the old version's values as a new version; nothing is rewritten.</summary>
    public async Task<ContentResult?> RollbackAsync(EditContext context, int versionNumber, CancellationToken cancellationToken = default)
    {
        var old = await db.DocumentVersions.AsNoTracking().FirstOrDefaultAsync(v => v.DocumentId == context.Document.Id && v.Number == versionNumber, cancellationToken);
        if (old is null || !access.CanEditInvariant(context.Village))
        {
            return null;
        }

        var result = await content.SaveAsync(context.Document.Id, ContentValues.Parse(old.Values), context.Document.LatestVersion, access.UserName, $"rollback to version {versionNumber}", cancellationToken);
        if (result.Status == ContentOperationStatus.Success)
        {
            await audit.WriteAsync(AuditActions.Rollback, access.UserName, "document", Describe(context), $"to version {versionNumber}", cancellationToken: cancellationToken);
        }

        return result;
    }

    public bool CanPublish(EditContext context) => access.CanPublish(context.Village);

    /// <summary>Whether the user's role allows deleting this kind of page here (whether it can be deleted is another matter).</summary>
    public bool MayDelete(EditContext context) => access.CanCreateOrDelete(context.Village, context.Type.Alias);

    public bool CanDelete(EditContext context) => MayDelete(context) && context.Document.ParentId is not null;

    public async Task<ContentResult?> DeleteAsync(EditContext context, CancellationToken cancellationToken = default)
    {
        if (!CanDelete(context))
        {
            return null;
        }

        var result = await content.DeleteAsync(context.Document.Id, access.UserName, cancellationToken);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.Delete, access.UserName, "document", Describe(context), context.Values.GetString("name", Cultures.Default), cancellationToken: cancellationToken);
        }

        return result;
    }

    public static string Describe(EditContext context) => $"{context.Document.Id} {context.Document.Alias ?? context.Document.Key.ToString()}";

    private async Task<bool> SetReviewAsync(EditContext context, ReviewState state, string? comment, string action, CancellationToken cancellationToken)
    {
        var changed = await db.Documents.Where(d => d.Id == context.Document.Id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.ReviewState, state)
                .SetProperty(d => d.ReviewComment, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim())
                .SetProperty(d => d.ReviewBy, access.UserName)
                .SetProperty(d => d.ReviewAt, DateTime.UtcNow), cancellationToken);
        if (changed > 0)
        {
            await audit.WriteAsync(action, access.UserName, "document", Describe(context), comment, cancellationToken: cancellationToken);
        }

        return changed > 0;
    }
}
