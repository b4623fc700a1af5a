using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Content.Editing;
using VillageCraftPortal.Web.Content.Storage;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Media;

namespace VillageCraftPortal.Web.Content.Import;

public enum ImportStatus
{
    Imported,
    AlreadyImported,
    Failed,
}

public sealed record ImportResult(ImportStatus Status, IReadOnlyList<ImportError> Errors, int Created = 0, int Updated = 0, int Media = 0)
{
    public int ProductsCreated { get; init; }

    public int ProductsUpdated { get; init; }
}

/// <summary>
/// Imports umbraco-content into the database, all or nothing: every file is read and checked first; only then is
/// anything written, in one transaction. Re-running changes nothing unless forced, and a forced run adds versions
/// only for documents whose content differs. Products are created or updated with their text and prices; the stock of
/// a variant that already exists is left as the shop has it.
/// </summary>
public sealed partial class ContentImporter(
    AppDbContext db,
    SeedContentReader reader,
    SeedMediaWriter mediaWriter,
    SeedDocumentWriter documentWriter,
    SeedProductWriter productWriter,
    ContentEventSignal signal,
    ILogger<ContentImporter> logger)
{
    public const string Actor = "system:import";

    public async Task<ImportResult> ImportAsync(string root, bool force, CancellationToken cancellationToken = default)
    {
        if (!force && await db.Documents.AnyAsync(cancellationToken))
        {
            return new ImportResult(ImportStatus.AlreadyImported, []);
        }

        var (content, errors) = await reader.ReadAsync(root, cancellationToken);
        if (content is null)
        {
            return new ImportResult(ImportStatus.Failed, errors);
        }

        List<MasterImage> storedFiles = [];
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var masters = new Dictionary<string, MasterImage>(StringComparer.Ordinal);
            storedFiles = mediaWriter.StoreMasters(content.Media, masters);
            var mediaCount = await mediaWriter.UpsertAsync(content.Media, masters, cancellationToken);
            var (created, updated, failure) = await documentWriter.WriteAsync(content.Documents, cancellationToken);
            if (failure is not null)
            {
                await RollBackAsync(transaction, storedFiles);
                return new ImportResult(ImportStatus.Failed, [failure]);
            }

            var products = await productWriter.WriteAsync(content.Products, cancellationToken);
            await ReplaceHolidaysAsync(content, cancellationToken);
            var now = DateTime.UtcNow;
            db.ImportRuns.Add(new ImportRun
            {
                SourceHash = await HashFolderAsync(root, cancellationToken),
                ImportedAt = now,
                Forced = force,
                DocumentsCreated = created,
                DocumentsUpdated = updated,
                MediaImported = mediaCount,
            });
            db.ContentEvents.Add(new ContentEvent { Kind = ContentEventKind.Imported, CreatedAt = now });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            signal.Notify();
            LogImported(logger, created, updated, mediaCount, products.Created, products.Updated);
            return new ImportResult(ImportStatus.Imported, [], created, updated, mediaCount) { ProductsCreated = products.Created, ProductsUpdated = products.Updated };
        }
        catch (ImportException ex)
        {
            await RollBackAsync(transaction, storedFiles);
            return new ImportResult(ImportStatus.Failed, [ex.Error]);
        }
        catch
        {
            await RollBackAsync(transaction, storedFiles);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported content: {Created} created, {Updated} updated, {Media} media changed, products {ProductsCreated} created and {ProductsUpdated} updated")]
    private static partial void LogImported(ILogger logger, int created, int updated, int media, int productsCreated, int productsUpdated);

    /// <summary>A hash of every file's path and bytes, recorded with the run.</summary>
    public static async Task<string> HashFolderAsync(string root, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(SeedMediaReader.Relative(root, file)));
            hash.AppendData(await File.ReadAllBytesAsync(file, cancellationToken));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private async Task RollBackAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, List<MasterImage> storedFiles)
    {
        await transaction.RollbackAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        mediaWriter.RemoveMasters(storedFiles);
    }

    private async Task ReplaceHolidaysAsync(SeedContent content, CancellationToken cancellationToken)
    {
        db.PublicHolidays.RemoveRange(await db.PublicHolidays.ToListAsync(cancellationToken));
        db.PublicHolidays.AddRange(content.Holidays.Select(h => new PublicHolidayRow
        {
            From = h.From,
            To = h.To,
            Names = JsonSerializer.Serialize(h.Name, ContentJson.Options),
        }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
