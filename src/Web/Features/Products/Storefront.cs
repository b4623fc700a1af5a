using Microsoft.Extensions.Options;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Import;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Features.Shop;
using VillageCraftPortal.Web.Infrastructure;
using VillageCraftPortal.Web.Media.Processing;
using VillageCraftPortal.Web.Media.Serving;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Features.Products;

/// <summary>A village the shop sells from: its code in product rows ("bat-trang") and its published page.</summary>
public sealed record CatalogueVillage(string Code, PublishedNode Node);

/// <summary>
/// What the storefront pages share for one request: the published snapshot (villages, centres, images), today's date
/// in Hà Nội, and the page metadata (canonical, hreflang alternates, breadcrumbs).
/// </summary>
public sealed class Storefront(PublishedSnapshotAccessor snapshots, UiTexts texts, IOptions<SiteOptions> site, TimeProvider clock)
{
    private IReadOnlyList<CatalogueVillage>? _villages;

    /// <summary>One snapshot for the whole request, even if a publish swaps it meanwhile.</summary>
    public PublishedSnapshot Snapshot { get; } = snapshots.Current;

    public UiTexts Texts => texts;

    public SiteOptions Site => site.Value;

    /// <summary>Today in Hà Nội: an OCOP certificate is valid through its expiry day there.</summary>
    public DateOnly Today => DateOnly.FromDateTime(VietnamTime.Now(clock));

    public IReadOnlyList<CatalogueVillage> Villages => _villages ??= [.. Snapshot.OfType(DocumentTypes.Village)
        .OrderBy(v => v.SortOrder)
        .Select(v => (Code: ContentScopes.VillageCodeOf(v.Alias), Node: v))
        .Where(v => v.Code is not null)
        .Select(v => new CatalogueVillage(v.Code!, v.Node))];

    public PublishedNode? Village(string code) => Snapshot.Village(code);

    public PublishedNode? Centre(string code) => Snapshot.CentreOf(code);

    public string VillageName(string code, string culture) => Village(code)?.Name(culture).Value ?? code;

    /// <summary>A product image by its media key (the seed's alias, or a media item's GUID); null when it is gone.</summary>
    public PublishedMedia? Image(string key) =>
        Snapshot.Media(StableKeys.ForMedia(key)) ?? (Guid.TryParse(key, out var guid) ? Snapshot.Media(guid) : null);

    public string Absolute(string path) => Site.Absolute(path);

    public string Category(string code) => texts[$"store.category.{code}"].Value;

    /// <summary>Home › Products, then the given crumbs.</summary>
    public List<Breadcrumb> Breadcrumbs(string culture, params Breadcrumb[] more)
    {
        var home = Snapshot.Root;
        var homeName = home?.Name(culture);
        var crumbs = new List<Breadcrumb>
        {
            new(homeName?.Value ?? texts.Get(culture, "site.name"), home?.Url(culture) ?? "/" + culture, homeName is { IsFallback: true } fallback ? fallback.Culture : null),
            new(texts.Get(culture, "store.products.title"), ShopPaths.Products(culture)),
        };
        crumbs.AddRange(more);
        return crumbs;
    }

    /// <summary>Head metadata for a storefront page whose address in each culture is <paramref name="path"/>.</summary>
    public PageMeta Meta(string culture, string title, Func<string, string> path, IReadOnlyList<Breadcrumb> breadcrumbs, string? description = null, PublishedMedia? image = null, bool noIndex = false) => new()
    {
        Title = $"{title} · {texts.Get(culture, "site.name")}",
        Culture = culture,
        Description = description,
        CanonicalUrl = Absolute(path(culture)),
        Alternates = [.. Cultures.All.Select(c => new AlternateLink(c, path(c), Absolute(path(c))))],
        XDefaultUrl = Absolute(path(Cultures.Default)),
        Image = image,
        ImageUrl = image is null ? null : Absolute(MediaUrls.Preset(image, ImagePresets.OpenGraph, 1200)),
        Breadcrumbs = breadcrumbs,
        NoIndex = noIndex,
    };
}
