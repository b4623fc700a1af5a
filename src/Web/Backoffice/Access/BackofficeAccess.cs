using System.Security.Claims;
using VillageCraftPortal.Web.Backoffice.Accounts;
using VillageCraftPortal.Web.Content;

namespace VillageCraftPortal.Web.Backoffice.Access;

/// <summary>
/// What the signed-in user may do, from their roles and scopes. Every backoffice page and query asks this before
/// it reads or writes: a Bát Tràng editor never sees Vạn Phúc's content, media or orders.
/// </summary>
public sealed class BackofficeAccess
{
    public BackofficeAccess(ClaimsPrincipal user)
    {
        User = user;
        UserName = user.Identity?.Name ?? "anonymous";
        UserId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        IsAdministrator = user.IsInRole(BackofficeRoles.Administrator);
        IsEditor = user.IsInRole(BackofficeRoles.Editor);
        IsPublisher = user.IsInRole(BackofficeRoles.Publisher);
        IsTranslator = user.IsInRole(BackofficeRoles.Translator);
        Villages = user.FindAll(BackofficeRoles.VillageClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        CulturesScope = user.FindAll(BackofficeRoles.CultureClaim).Select(c => c.Value).Where(Cultures.IsSupported).ToHashSet(StringComparer.Ordinal);
    }

    public ClaimsPrincipal User { get; }

    public string UserName { get; }

    public string? UserId { get; }

    public bool IsAdministrator { get; }

    public bool IsEditor { get; }

    public bool IsPublisher { get; }

    public bool IsTranslator { get; }

    /// <summary>The village codes ("bat-trang", …) an editor, publisher or translator works on.</summary>
    public IReadOnlySet<string> Villages { get; }

    /// <summary>The cultures a translator may edit.</summary>
    public IReadOnlySet<string> CulturesScope { get; }

    public bool IsStaff => IsAdministrator || IsEditor || IsPublisher || IsTranslator;

    /// <summary>
    /// May see and work on documents of this village (null: site-wide pages such as home and news). Translators
    /// without a village scope translate the whole site.
    /// </summary>
    public bool CanWorkOn(string? villageCode)
    {
        if (IsAdministrator)
        {
            return true;
        }

        if (villageCode is not null && (IsEditor || IsPublisher) && Villages.Contains(villageCode))
        {
            return true;
        }

        return IsTranslator && (Villages.Count == 0 || (villageCode is not null && Villages.Contains(villageCode)));
    }

    /// <summary>May change values that do not vary by culture (structure, numbers, images, hours).</summary>
    public bool CanEditInvariant(string? villageCode) => IsAdministrator || ((IsEditor || IsPublisher) && villageCode is not null && Villages.Contains(villageCode));

    /// <summary>May change the values of this culture.</summary>
    public bool CanEditCulture(string? villageCode, string culture) =>
        CanEditInvariant(villageCode) || (IsTranslator && CulturesScope.Contains(culture) && CanWorkOn(villageCode));

    public bool CanPublish(string? villageCode) => IsAdministrator || (IsPublisher && villageCode is not null && Villages.Contains(villageCode));

    /// <summary>Creating and deleting pages is structural: administrators, and editors for their village's experiences.</summary>
    public bool CanCreateOrDelete(string? villageCode, string contentType) =>
        IsAdministrator || ((IsEditor || IsPublisher) && villageCode is not null && Villages.Contains(villageCode)
            && contentType == Content.Types.DocumentTypes.Experience);

    /// <summary>May see and fulfil this centre's part of orders (translators work on texts, not orders).</summary>
    public bool CanFulfil(string villageCode) => IsAdministrator || ((IsEditor || IsPublisher) && Villages.Contains(villageCode));

    /// <summary>
    /// May see the whole order and act on its money (confirm a transfer, refund, cancel): administrators, and
    /// publishers of every centre in it, since these change other centres' parcels too.
    /// </summary>
    public bool CanManageOrder(IEnumerable<string> villageCodes) => IsAdministrator || (IsPublisher && villageCodes.All(Villages.Contains));

    /// <summary>Media folders are named by village code; "site" is the department's.</summary>
    public bool CanUseMediaFolder(string folder) => IsAdministrator || ((IsEditor || IsPublisher) && Villages.Contains(folder));

    public IEnumerable<string> MediaFolders(IEnumerable<string> allFolders) => allFolders.Where(CanUseMediaFolder);
}
