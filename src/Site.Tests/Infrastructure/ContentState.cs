using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Export;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Site.Tests.Infrastructure;

/// <summary>A published document as the public sees it: placement, published URLs and values.</summary>
public sealed record DocumentState(string Alias, Guid Key, string Type, string? Parent, int SortOrder, string Urls, string Values);

public sealed record MediaState(
    string Alias, Guid Key, string Folder, string Hash, string Format, int Width, int Height, long Bytes,
    string Alt, string? Caption, string? Credit, string? Licence, double FocalX, double FocalY);

public sealed record HolidayState(DateOnly From, DateOnly To, string Names);

/// <summary>
/// Everything of a database that makes the public site: published documents (by alias, with their published
/// version's values and URLs), media, holidays and products (each as every value an export writes), in a stable
/// order so two databases compare with Assert.Equal.
/// </summary>
public sealed record ContentState(
    IReadOnlyList<DocumentState> Documents, IReadOnlyList<MediaState> Media, IReadOnlyList<HolidayState> Holidays, IReadOnlyList<string> Products)
{
    public static Task<ContentState> ReadAsync(ServiceHarness services) =>
        services.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var snapshot = await sp.GetRequiredService<SnapshotBuilder>().BuildAsync(CancellationToken.None);
            var documents = await db.Documents.AsNoTracking().ToListAsync();
            var aliases = documents.ToDictionary(d => d.Id, d => d.Alias);
            var versions = await db.DocumentVersions.AsNoTracking().ToListAsync();
            var published = documents
                .Where(d => d.PublishedVersion is not null)
                .Select(d => new DocumentState(
                    d.Alias ?? $"(no alias) {d.Key}",
                    d.Key,
                    d.ContentType,
                    d.ParentId is { } parent ? aliases[parent] : null,
                    d.SortOrder,
                    snapshot.ById(d.Id) is { } node ? string.Join(' ', node.Paths.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")) : "(not linked)",
                    ContentValues.Parse(versions.Single(v => v.DocumentId == d.Id && v.Number == d.PublishedVersion).Values).ToJson()))
                .OrderBy(d => d.Alias, StringComparer.Ordinal)
                .ToList();
            var media = (await db.MediaItems.AsNoTracking().ToListAsync())
                .Select(m => new MediaState(m.Alias ?? $"(no alias) {m.Key}", m.Key, m.Folder, m.FileHash, m.Format, m.Width, m.Height, m.Bytes, m.Alt, m.Caption, m.Credit, m.Licence, m.FocalX, m.FocalY))
                .OrderBy(m => m.Alias, StringComparer.Ordinal)
                .ToList();
            var holidays = (await db.PublicHolidays.AsNoTracking().ToListAsync())
                .Select(h => new HolidayState(h.From, h.To, h.Names))
                .OrderBy(h => h.From).ThenBy(h => h.To)
                .ToList();
            var products = (await db.Set<Product>().AsNoTracking().Include(p => p.Variants).Include(p => p.Sources).ToListAsync())
                .OrderBy(p => p.Alias, StringComparer.Ordinal)
                .Select(ProductFileWriter.Fingerprint)
                .ToList();
            return new ContentState(published, media, holidays, products);
        });
}
