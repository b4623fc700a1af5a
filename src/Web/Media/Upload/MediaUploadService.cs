using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Editing;
using VillageCraftPortal.Web.Content.Storage;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Media.Upload;

/// <summary>An upload and what an editor says about it.</summary>
public sealed record MediaUpload(Stream Content, string Folder, LocalizedText Alt)
{
    public LocalizedText Caption { get; init; } = [];

    public string? Credit { get; init; }

    public string? Licence { get; init; }

    public double FocalX { get; init; } = 0.5;

    public double FocalY { get; init; } = 0.5;
}

public sealed record StoredUpload(MasterImage? Master, UploadError? Error, bool StoredBefore);

public sealed record UploadResult(UploadError? Error, MediaItem? Item = null, bool StoredBefore = false)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Takes an upload through the image pipeline: size and type by content, pixel and frame limits from the header,
/// then a full decode into a safe master (rotated, sRGB, no metadata), stored once per content hash, and a media
/// item with its alt text. A refused file leaves nothing behind.
/// </summary>
public sealed class MediaUploadService(
    AppDbContext db,
    ImageValidator validator,
    MediaOriginals originals,
    IOptions<MediaOptions> options,
    ContentEventSignal signal)
{
    public async Task<UploadResult> UploadAsync(MediaUpload upload, string actor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(upload.Folder))
        {
            return new UploadResult(UploadError.FolderRequired);
        }

        if (!upload.Alt.TryGetValue(Cultures.Vietnamese, out var altVi) || string.IsNullOrWhiteSpace(altVi))
        {
            return new UploadResult(UploadError.AltTextRequired);
        }

        var (master, error, storedBefore) = await StoreAsync(upload.Content, cancellationToken);
        if (master is null)
        {
            return new UploadResult(error);
        }

        var item = await SaveItemAsync(upload, master, actor, cancellationToken);
        return new UploadResult(null, item, storedBefore);
    }

    /// <summary>
    /// Checks a file and stores its safe master (once per content hash), without creating a media item: for the
    /// library's two-step upload, where alt text is written after the files are in.
    /// </summary>
    public async Task<StoredUpload> StoreAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var temporary = originals.NewIncomingPath();
        try
        {
            var (hash, tooLarge) = await CopyAsync(content, temporary, options.Value.MaxUploadBytes, cancellationToken);
            if (tooLarge)
            {
                return new StoredUpload(null, UploadError.TooLarge, false);
            }

            var (_, error) = validator.Check(temporary);
            if (error is not null)
            {
                return new StoredUpload(null, error, false);
            }

            var storedBefore = originals.Find(hash) is not null;
            try
            {
                return new StoredUpload(originals.Store(temporary, hash), null, storedBefore);
            }
            catch (NetVips.VipsException)
            {
                return new StoredUpload(null, UploadError.Corrupt, false);
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<MediaItem> SaveItemAsync(MediaUpload upload, MasterImage master, string actor, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var item = new MediaItem
        {
            Key = Guid.NewGuid(),
            Folder = upload.Folder,
            FileHash = master.Hash,
            Format = master.Format,
            Width = master.Width,
            Height = master.Height,
            Bytes = new FileInfo(originals.PathOf(master.Hash, master.Format)).Length,
            FocalX = Math.Clamp(upload.FocalX, 0, 1),
            FocalY = Math.Clamp(upload.FocalY, 0, 1),
            Alt = JsonSerializer.Serialize(upload.Alt, ContentJson.Options),
            Caption = upload.Caption.Count > 0 ? JsonSerializer.Serialize(upload.Caption, ContentJson.Options) : null,
            Credit = upload.Credit,
            Licence = upload.Licence,
            CreatedAt = now,
            CreatedBy = actor,
            UpdatedAt = now,
        };
        db.MediaItems.Add(item);
        db.ContentEvents.Add(new ContentEvent { Kind = ContentEventKind.MediaChanged, CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return item;
    }

    /// <summary>Saves audit entries added to the same unit of work (several items created in one step).</summary>
    public Task SaveAuditAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    /// <summary>Copies at most <paramref name="limit"/> bytes, hashing as it goes; stops as soon as the limit is passed.</summary>
    private static async Task<(string Hash, bool TooLarge)> CopyAsync(Stream source, string path, long limit, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        await using var target = File.Create(path);
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                return (string.Empty, true);
            }

            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), false);
    }
}
