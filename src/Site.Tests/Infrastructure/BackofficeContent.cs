using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Stock;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Editing;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Content.Storage;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Media;
using VillageCraftPortal.Web.Media.Upload;

namespace VillageCraftPortal.Site.Tests.Infrastructure;

/// <summary>
/// Arranging and reading content of a <see cref="BackofficeSite"/> through the real services (not the backoffice
/// pages, which are what the tests exercise), and waiting for the published snapshot to catch up.
/// </summary>
public static class BackofficeContent
{
    /// <summary>Who the arranged changes are recorded as.</summary>
    public const string Arranger = "test-arrange";

    public static Task<Document?> FindDocumentAsync(this BackofficeSite site, int id) =>
        site.QueryAsync(db => db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id));

    public static async Task<Document> DocumentAsync(this BackofficeSite site, int id) =>
        await site.FindDocumentAsync(id) ?? throw new InvalidOperationException($"Document {id} does not exist.");

    /// <summary>The values of a version (the newest when <paramref name="version"/> is null).</summary>
    public static Task<ContentValues> ValuesAsync(this BackofficeSite site, int id, int? version = null) =>
        site.QueryAsync(async db =>
        {
            var number = version ?? await db.Documents.Where(d => d.Id == id).Select(d => d.LatestVersion).SingleAsync();
            return ContentValues.Parse(await db.DocumentVersions.Where(v => v.DocumentId == id && v.Number == number).Select(v => v.Values).SingleAsync());
        });

    /// <summary>Saves a new draft from the newest values with a change applied; returns its version number.</summary>
    public static async Task<int> SaveDraftAsync(this BackofficeSite site, int id, Action<ContentValues> change)
    {
        var document = await site.DocumentAsync(id);
        var values = await site.ValuesAsync(id);
        change(values);
        var result = await InScopeAsync(site, sp => sp.GetRequiredService<ContentService>().SaveAsync(id, values, document.LatestVersion, Arranger));
        Assert.True(result.Succeeded, $"Arranging a draft of {id}: {result.Status} {Problems(result)}");
        return result.Document!.LatestVersion;
    }

    public static async Task PublishAsync(this BackofficeSite site, int id)
    {
        var result = await InScopeAsync(site, sp => sp.GetRequiredService<PublishingService>().PublishAsync(id, Arranger));
        Assert.True(result.Succeeded, $"Arranging a publish of {id}: {result.Status} {Problems(result)}");
    }

    public static async Task<int> CreatePublishedAsync(this BackofficeSite site, string contentType, int parentId, ContentValues values)
    {
        var created = await InScopeAsync(site, sp => sp.GetRequiredService<ContentService>().CreateAsync(new NewDocument(contentType, parentId, values), Arranger));
        Assert.True(created.Succeeded, $"Arranging a {contentType}: {created.Status} {Problems(created)}");
        await site.PublishAsync(created.Document!.Id);
        return created.Document.Id;
    }

    /// <summary>A media item in a folder, uploaded through the real pipeline.</summary>
    public static async Task<MediaItem> CreateMediaAsync(this BackofficeSite site, string folder, LocalizedText alt, byte[] image)
    {
        using var content = new MemoryStream(image);
        var result = await InScopeAsync(site, sp => sp.GetRequiredService<MediaUploadService>().UploadAsync(new MediaUpload(content, folder, alt), Arranger));
        Assert.True(result.Succeeded, $"Arranging media in {folder}: {result.Error}");
        return result.Item!;
    }

    public static Task<MediaItem?> FindMediaAsync(this BackofficeSite site, Guid key) =>
        site.QueryAsync(db => db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Key == key));

    /// <summary>
    /// Everything a backoffice action could change (documents and their versions, review, schedules, media, users,
    /// redirects, the content outbox), so "nothing changed" can be asserted about the whole site.
    /// </summary>
    public static Task<string> FingerprintAsync(this BackofficeSite site) => site.QueryAsync(async db =>
    {
        var documents = await db.Documents.AsNoTracking().OrderBy(d => d.Id)
            .Select(d => $"{d.Id}:{d.ParentId}:{d.LatestVersion}:{d.PublishedVersion}:{d.ReviewState}").ToListAsync();
        var media = await db.MediaItems.AsNoTracking().OrderBy(m => m.Id).Select(m => $"{m.Id}:{m.FileHash}:{m.Alt}:{m.Caption}").ToListAsync();
        var versions = await db.DocumentVersions.CountAsync();
        var pinned = await db.DocumentVersions.CountAsync(v => v.IsPinned);
        var scheduled = await db.ScheduledActions.CountAsync();
        var users = await db.Users.CountAsync();
        var claims = await db.UserClaims.CountAsync();
        var redirects = await db.Redirects.CountAsync();
        var events = await db.ContentEvents.MaxAsync(e => (long?)e.Id);
        return $"versions {versions} pinned {pinned} scheduled {scheduled} users {users}/{claims} redirects {redirects} events {events}\n"
            + string.Join(' ', documents) + "\n" + string.Join(' ', media) + "\n" + await ShopFingerprintAsync(db);
    });

    /// <summary>Products, variants (with stock), the stock ledger and the shop's audit entries, for "nothing changed".</summary>
    public static Task<string> ShopFingerprintAsync(this BackofficeSite site) => site.QueryAsync(ShopFingerprintAsync);

    private static async Task<string> ShopFingerprintAsync(AppDbContext db)
    {
        var products = await db.Set<Product>().AsNoTracking().OrderBy(p => p.Id)
            .Select(p => $"{p.Id}:{p.Revision}:{p.IsListed}:{p.VillageCode}:{p.NameVi}:{p.NameEn}:{p.WeightGrams}").ToListAsync();
        var variants = await db.Set<ProductVariant>().AsNoTracking().OrderBy(v => v.Id)
            .Select(v => $"{v.Id}:{v.Revision}:{v.Sku}:{v.Price}:{v.Available}:{v.SizeEn}").ToListAsync();
        var ledger = await db.Set<StockLedgerEntry>().CountAsync();
        var audit = await db.AuditEntries.CountAsync(a => a.EntityType == "product" || a.EntityType == "variant");
        return $"ledger {ledger} audit {audit}\n{string.Join(' ', products)}\n{string.Join(' ', variants)}";
    }

    /// <summary>Waits until the public site serves a snapshot with every content change committed so far.</summary>
    public static async Task WaitForPublishedSnapshotAsync(this BackofficeSite site)
    {
        var newest = await site.QueryAsync(db => db.ContentEvents.MaxAsync(e => (long?)e.Id)) ?? 0;
        await site.Factory.Services.GetRequiredService<PublishedSnapshotAccessor>().WaitForVersionAsync(newest, TimeSpan.FromSeconds(30));
    }

    /// <summary>A page's public address in a culture, as the live snapshot has it (after waiting for it).</summary>
    public static async Task<string> PublicUrlAsync(this BackofficeSite site, int id, string culture)
    {
        await site.WaitForPublishedSnapshotAsync();
        var node = site.Factory.Services.GetRequiredService<PublishedSnapshotAccessor>().Current.ById(id)
            ?? throw new InvalidOperationException($"Document {id} is not on the public site.");
        return node.Url(culture);
    }

    private static async Task<T> InScopeAsync<T>(BackofficeSite site, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private static string Problems(ContentResult result) =>
        string.Join(", ", result.Problems?.Select(p => $"{p.Property}.{p.Culture}: {p.MessageKey}") ?? []);
}
