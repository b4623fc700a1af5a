using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Media;

namespace VillageCraftPortal.Web.Content.Import;

/// <summary>Takes seed images through the same pipeline as uploads (safe masters by hash) and creates or updates their rows.</summary>
public sealed class SeedMediaWriter(AppDbContext db, MediaOriginals originals, TimeProvider clock)
{
    /// <summary>Stores each image's master; returns the masters that were not there before (to remove on rollback).</summary>
    public List<MasterImage> StoreMasters(IEnumerable<SeedMedia> media, Dictionary<string, MasterImage> masters)
    {
        var created = new List<MasterImage>();
        foreach (var item in media)
        {
            var existed = originals.Find(item.Hash) is not null;
            MasterImage master;
            try
            {
                master = item.IsMaster ? originals.StoreMaster(item.FullPath, item.Hash, item.Image.Format) : originals.Store(item.FullPath, item.Hash);
            }
            catch (NetVips.VipsException)
            {
                RemoveMasters(created);
                throw new ImportException(new ImportError(item.File, 0, "the image does not decode (truncated or corrupt)"));
            }

            masters[item.Alias] = master;
            if (!existed)
            {
                created.Add(master);
            }
        }

        return created;
    }

    public void RemoveMasters(IEnumerable<MasterImage> created)
    {
        foreach (var master in created)
        {
            originals.Delete(master.Hash, master.Format);
        }
    }

    /// <summary>Creates or updates a row per image; returns how many changed.</summary>
    public async Task<int> UpsertAsync(IEnumerable<SeedMedia> media, IReadOnlyDictionary<string, MasterImage> masters, CancellationToken cancellationToken)
    {
        var existing = await db.MediaItems.Where(m => m.Alias != null).ToDictionaryAsync(m => m.Alias!, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = 0;
        foreach (var item in media)
        {
            var master = masters[item.Alias];
            var isNew = !existing.TryGetValue(item.Alias, out var row);
            row ??= db.MediaItems.Add(new MediaItem
            {
                Key = StableKeys.ForMedia(item.Alias),
                Alias = item.Alias,
                Folder = item.Folder,
                FileHash = master.Hash,
                Format = master.Format,
                Alt = "{}",
                CreatedAt = now,
                CreatedBy = ContentImporter.Actor,
            }).Entity;

            row.FileHash = master.Hash;
            row.Format = master.Format;
            row.Width = master.Width;
            row.Height = master.Height;
            row.Bytes = new FileInfo(originals.PathOf(master.Hash, master.Format)).Length;
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
