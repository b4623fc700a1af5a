using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Media;

namespace VillageCraftPortal.Web.Content.Import;

/// <summary>Stores seed images by hash and creates or updates their media rows.</summary>
public sealed class SeedMediaWriter(AppDbContext db, MediaStore store, TimeProvider clock)
{
    /// <summary>Copies the files into the store; returns the ones that were not there before (to remove on rollback).</summary>
    public async Task<List<SeedMedia>> StoreFilesAsync(IEnumerable<SeedMedia> media, CancellationToken cancellationToken)
    {
        var stored = new List<SeedMedia>();
        foreach (var item in media)
        {
            if (await store.StoreAsync(item.FullPath, item.Hash, item.Image.Format, cancellationToken))
            {
                stored.Add(item);
            }
        }

        return stored;
    }

    public void RemoveFiles(IEnumerable<SeedMedia> stored)
    {
        foreach (var item in stored)
        {
            store.Delete(item.Hash, item.Image.Format);
        }
    }

    /// <summary>Creates or updates a row per image; returns how many changed.</summary>
    public async Task<int> UpsertAsync(IEnumerable<SeedMedia> media, CancellationToken cancellationToken)
    {
        var existing = await db.MediaItems.Where(m => m.Alias != null).ToDictionaryAsync(m => m.Alias!, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = 0;
        foreach (var item in media)
        {
            var isNew = !existing.TryGetValue(item.Alias, out var row);
            row ??= db.MediaItems.Add(new MediaItem
            {
                Key = StableKeys.ForMedia(item.Alias),
                Alias = item.Alias,
                Folder = item.Folder,
                FileHash = item.Hash,
                Format = item.Image.Format,
                Alt = "{}",
                CreatedAt = now,
                CreatedBy = ContentImporter.Actor,
            }).Entity;

            row.FileHash = item.Hash;
            row.Format = item.Image.Format;
            row.Width = item.Image.Width;
            row.Height = item.Image.Height;
            row.Bytes = item.Bytes;
            row.Folder = item.Folder;
            row.Alt = JsonSerializer.Serialize(item.Alt, ContentJson.Options);
            row.Caption = item.Caption.Count > 0 ? JsonSerializer.Serialize(item.Caption, ContentJson.Options) : null;
            row.Credit = item.Credit;
            row.Licence = item.Licence;
            row.FocalX = item.FocalX;
            row.FocalY = item.FocalY;
            db.Entry(row).DetectChanges();
            if (isNew || db.Entry(row).State == EntityState.Modified)
            {
                row.UpdatedAt = now;
                changed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }
}
