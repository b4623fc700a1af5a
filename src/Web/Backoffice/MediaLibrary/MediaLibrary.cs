using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Backoffice.Audit;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Editing;
using VillageCraftPortal.Web.Content.Storage;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Media;

namespace VillageCraftPortal.Web.Backoffice.MediaLibrary;

/// <summary>A page that uses a media item, in its newest or its published version.</summary>
public sealed record MediaReference(int DocumentId, string Name, bool Published);

/// <summary>What an editor may change about an image.</summary>
public sealed record MediaDetails(LocalizedText Alt, LocalizedText Caption, string? Credit, string? Licence, double FocalX, double FocalY);

public enum MediaOperationStatus
{
    Success,
    NotFound,
    AltTextRequired,
    InUse,
}

/// <summary>
/// The media library's operations, each within the user's folders: details and focal point, reference tracking
/// (an image still used by a page cannot be deleted), and replacing a file while keeping every reference.
/// </summary>
public sealed class MediaLibraryService(AppDbContext db, BackofficeAccess access, AuditLog audit, ContentEventSignal signal, TimeProvider clock)
{
    public async Task<MediaItem?> FindAsync(Guid key, CancellationToken cancellationToken) =>
        await db.MediaItems.FirstOrDefaultAsync(m => m.Key == key, cancellationToken) is { } item && access.CanUseMediaFolder(item.Folder) ? item : null;

    /// <summary>Pages whose newest or published version refers to this item (searched in the stored JSON).</summary>
    public async Task<IReadOnlyList<MediaReference>> ReferencesAsync(Guid key, CancellationToken cancellationToken)
    {
        var needle = $"%{key}%";
        var rows = await db.Documents.AsNoTracking()
            .Join(db.DocumentVersions, d => d.Id, v => v.DocumentId, (d, v) => new { d.Id, d.LatestVersion, d.PublishedVersion, v.Number, v.Values })
            .Where(x => (x.Number == x.LatestVersion || x.Number == x.PublishedVersion) && EF.Functions.Like(x.Values, needle))
            .ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.Id).Select(g => new MediaReference(
            g.Key,
            ContentValues.Parse(g.First().Values).GetString("name", Cultures.Default) ?? "—",
            g.Any(r => r.Number == r.PublishedVersion)))];
    }

    public async Task<MediaOperationStatus> UpdateAsync(Guid key, MediaDetails details, CancellationToken cancellationToken)
    {
        if (await FindAsync(key, cancellationToken) is not { } item)
        {
            return MediaOperationStatus.NotFound;
        }

        if (string.IsNullOrWhiteSpace(details.Alt.GetValueOrDefault(Cultures.Vietnamese)))
        {
            return MediaOperationStatus.AltTextRequired;
        }

        item.Alt = JsonSerializer.Serialize(details.Alt, ContentJson.Options);
        item.Caption = details.Caption.Count > 0 ? JsonSerializer.Serialize(details.Caption, ContentJson.Options) : null;
        item.Credit = details.Credit;
        item.Licence = details.Licence;
        item.FocalX = Math.Clamp(details.FocalX, 0, 1);
        item.FocalY = Math.Clamp(details.FocalY, 0, 1);
        await SaveAsync(item, AuditActions.MediaEdit, "details", cancellationToken);
        return MediaOperationStatus.Success;
    }

    /// <summary>Points the item at a new master; pages keep referring to the same item, so nothing breaks.</summary>
    public async Task<MediaOperationStatus> ReplaceAsync(Guid key, MasterImage master, CancellationToken cancellationToken)
    {
        if (await FindAsync(key, cancellationToken) is not { } item)
        {
            return MediaOperationStatus.NotFound;
        }

        (item.FileHash, item.Format, item.Width, item.Height) = (master.Hash, master.Format, master.Width, master.Height);
        await SaveAsync(item, AuditActions.MediaReplace, $"new file {master.Hash[..12]}", cancellationToken);
        return MediaOperationStatus.Success;
    }

    public async Task<(MediaOperationStatus Status, IReadOnlyList<MediaReference> UsedBy)> DeleteAsync(Guid key, CancellationToken cancellationToken)
    {
        if (await FindAsync(key, cancellationToken) is not { } item)
        {
            return (MediaOperationStatus.NotFound, []);
        }

        var references = await ReferencesAsync(key, cancellationToken);
        if (references.Count > 0)
        {
            return (MediaOperationStatus.InUse, references);
        }

        db.MediaItems.Remove(item);
        audit.Add(AuditActions.MediaDelete, access.UserName, "media", key.ToString(), item.Alias);
        db.ContentEvents.Add(new ContentEvent { Kind = ContentEventKind.MediaChanged, CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return (MediaOperationStatus.Success, []);
    }

    private async Task SaveAsync(MediaItem item, string action, string summary, CancellationToken cancellationToken)
    {
        item.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(action, access.UserName, "media", item.Key.ToString(), summary);
        db.ContentEvents.Add(new ContentEvent { Kind = ContentEventKind.MediaChanged, CreatedAt = item.UpdatedAt });
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
    }
}
