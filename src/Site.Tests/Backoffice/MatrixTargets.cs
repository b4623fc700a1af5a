using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Site.Tests.Builders;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Backoffice.Accounts;
using VillageCraftPortal.Web.Backoffice.Audit;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Redirects;
using VillageCraftPortal.Web.Content.Types;

namespace VillageCraftPortal.Site.Tests.Backoffice;

/// <summary>
/// What one matrix row acts on. <see cref="Secret"/> is text only that resource carries (its name, its alt text, …):
/// an allowed view shows it, a refused answer must never contain it. It is unique to the row.
/// </summary>
public sealed record MatrixTarget(Resource Resource, string Secret, int DocumentId = 0, Guid MediaKey = default)
{
    public bool Seeded { get; init; }

    public int ProductId { get; init; }

    public int VariantId { get; init; }

    /// <summary>The village of a product row ("bat-trang", "van-phuc").</summary>
    public string? Village { get; init; }
}

/// <summary>
/// Arranges a fresh target for each row, so an allowed delete or unpublish never spoils the next row: pages and media
/// are created for the row, except the village and home pages, which get a new draft carrying the secret and are put
/// back on the site if a row took them off.
/// </summary>
public sealed class MatrixTargets(BackofficeSite site)
{
    public static readonly Lazy<byte[]> Image = new(() => ImageCorpus.Jpeg(64, 48));
    public static readonly Lazy<byte[]> OtherImage = new(() => ImageCorpus.Png(48, 32));

    private static int _counter;

    public async Task<MatrixTarget> ArrangeAsync(Resource resource)
    {
        var n = Interlocked.Increment(ref _counter);
        var secret = $"matrix{n:D4}x{Guid.NewGuid().ToString("N")[..6]}";
        return resource switch
        {
            Resource.BatTrangCentre => await FreshAsync(resource, "village-bat-trang", DocumentTypes.DesignCentre, secret, n),
            Resource.BatTrangExperience => await FreshAsync(resource, "village-bat-trang", DocumentTypes.Experience, secret, n),
            Resource.VanPhucCentre => await FreshAsync(resource, "village-van-phuc", DocumentTypes.DesignCentre, secret, n),
            Resource.VanPhucExperience => await FreshAsync(resource, "village-van-phuc", DocumentTypes.Experience, secret, n),
            Resource.Article => await FreshAsync(resource, "news", DocumentTypes.Article, secret, n),
            Resource.BatTrangVillage => await SeededAsync(resource, "village-bat-trang", secret),
            Resource.Home => await SeededAsync(resource, "home", secret),
            Resource.BatTrangMedia => await MediaAsync(resource, "bat-trang", secret),
            Resource.VanPhucMedia => await MediaAsync(resource, "van-phuc", secret),
            Resource.SiteMedia => await MediaAsync(resource, "site", secret),
            Resource.Users => await UserAsync(resource, secret),
            Resource.Audit => await AuditEntryAsync(resource, secret),
            Resource.Redirects => await RedirectAsync(resource, secret),
            Resource.BatTrangProduct => await ProductAsync(resource, "bat-trang", secret),
            Resource.VanPhucProduct => await ProductAsync(resource, "van-phuc", secret),
            _ => throw new ArgumentOutOfRangeException(nameof(resource)),
        };
    }

    /// <summary>A seeded page a row took off the site goes back on, for the rows after it.</summary>
    public async Task RestoreAsync(MatrixTarget target)
    {
        if (target.Seeded && await site.FindDocumentAsync(target.DocumentId) is { PublishedVersion: null })
        {
            await site.PublishAsync(target.DocumentId);
        }
    }

    private async Task<MatrixTarget> FreshAsync(Resource resource, string parentAlias, string contentType, string secret, int n)
    {
        var values = ContentTreeBuilder.Values($"Trang thử {secret}", $"thu-{n}-{secret[^6..]}", $"Test page {secret}");
        switch (contentType)
        {
            case DocumentTypes.DesignCentre:
                values.Set("recognitionYear", Cultures.Invariant, 2023).Set("starRating", Cultures.Invariant, 3);
                break;
            case DocumentTypes.Experience:
                values.Set("kind", Cultures.Invariant, "workshop").Set("durationMinutes", Cultures.Invariant, 60);
                break;
            case DocumentTypes.Article:
                values.Set("publishedOn", Cultures.Invariant, "2026-11-01");
                break;
        }

        var id = await site.CreatePublishedAsync(contentType, await site.DocumentIdAsync(parentAlias), values);
        // A second version, so that there is something to roll back to and a draft ahead of the published page.
        await site.SaveDraftAsync(id, v => v.Set("summary", Cultures.Vietnamese, $"Bản nháp {secret}"));
        return new MatrixTarget(resource, secret, DocumentId: id);
    }

    private async Task<MatrixTarget> SeededAsync(Resource resource, string alias, string secret)
    {
        var id = await site.DocumentIdAsync(alias);
        await site.SaveDraftAsync(id, v =>
        {
            var name = v.GetString("name", Cultures.Vietnamese)!.Split(" · ")[0];
            v.Set("name", Cultures.Vietnamese, $"{name} · {secret}");
        });
        return new MatrixTarget(resource, secret, DocumentId: id) { Seeded = true };
    }

    private async Task<MatrixTarget> MediaAsync(Resource resource, string folder, string secret)
    {
        var item = await site.CreateMediaAsync(folder, new LocalizedText { ["vi"] = $"Ảnh thử {secret}", ["en"] = $"Test image {secret}" }, Image.Value);
        return new MatrixTarget(resource, secret, MediaKey: item.Key);
    }

    private async Task<MatrixTarget> UserAsync(Resource resource, string secret)
    {
        await site.CreateUserAsync($"{secret}@test.local", new([BackofficeRoles.Editor], ["van-phuc"], []));
        return new MatrixTarget(resource, secret);
    }

    private async Task<MatrixTarget> AuditEntryAsync(Resource resource, string secret)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync(AuditActions.Save, BackofficeContent.Arranger, summary: secret);
        return new MatrixTarget(resource, secret);
    }

    /// <summary>A product of the village nobody has ordered (so it can be deleted), with one variant in stock.</summary>
    private async Task<MatrixTarget> ProductAsync(Resource resource, string village, string secret)
    {
        var variant = await site.CreateProductAsync(village, secret, stock: 10);
        return new MatrixTarget(resource, secret) { ProductId = variant.ProductId, VariantId = variant.Id, Village = village };
    }

    private async Task<MatrixTarget> RedirectAsync(Resource resource, string secret)
    {
        await site.QueryAsync(async db =>
        {
            db.Redirects.Add(new RedirectRule { FromPath = $"/vi/{secret}", TargetUrl = "/vi", IsManual = true, CreatedBy = BackofficeContent.Arranger });
            return await db.SaveChangesAsync();
        });
        return new MatrixTarget(resource, secret);
    }
}
