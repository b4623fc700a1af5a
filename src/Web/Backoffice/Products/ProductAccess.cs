using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Content;

namespace VillageCraftPortal.Web.Backoffice.Products;

/// <summary>
/// The content rules applied to the shop: a product belongs to its village. Whoever may work on the village's pages
/// may see its products; whoever may change the village's invariant values (administrators, its editors and
/// publishers) manages them — prices, variants, stock, creating and deleting; a translator changes the texts of
/// their language only. Anything outside the user's villages is "not found".
/// </summary>
public sealed class ProductAccess(BackofficeAccess access, ContentScopes scopes)
{
    public string UserName => access.UserName;

    /// <summary>The villages whose products the user sees; null for every village.</summary>
    public IReadOnlySet<string>? VisibleVillages =>
        access.IsAdministrator || (access.IsTranslator && access.Villages.Count == 0) ? null : access.Villages;

    public bool CanView(string village) => access.CanWorkOn(village);

    public bool CanManage(string village) => access.CanEditInvariant(village);

    public bool CanEditTexts(string village, string culture) => access.CanEditCulture(village, culture);

    /// <summary>Whether any field of the product is the user's to change.</summary>
    public bool CanEditAny(string village) => CanManage(village) || Cultures.All.Any(c => CanEditTexts(village, c));

    /// <summary>Whether the user manages the products of at least one village (and so may create one).</summary>
    public bool CanCreate => access.IsAdministrator || ((access.IsEditor || access.IsPublisher) && access.Villages.Count > 0);

    /// <summary>The villages that exist, by code.</summary>
    public Task<IReadOnlyList<string>> AllVillagesAsync(CancellationToken cancellationToken) => scopes.VillageCodesAsync(cancellationToken);

    /// <summary>The villages whose products the user manages: the choices of a product's village.</summary>
    public async Task<IReadOnlyList<string>> ManagedVillagesAsync(CancellationToken cancellationToken) =>
        [.. (await scopes.VillageCodesAsync(cancellationToken)).Where(CanManage)];

    /// <summary>The villages the user may filter the list by.</summary>
    public async Task<IReadOnlyList<string>> VisibleVillagesAsync(CancellationToken cancellationToken) =>
        [.. (await scopes.VillageCodesAsync(cancellationToken)).Where(CanView)];

    /// <summary>Media the user may pick for a product of this village: its folder, and the site's for those who may use it.</summary>
    public bool CanUseMediaFor(string village, string folder) => (folder == village || folder == "site") && access.CanUseMediaFolder(folder);
}
