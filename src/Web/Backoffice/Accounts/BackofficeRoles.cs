namespace VillageCraftPortal.Web.Backoffice.Accounts;

/// <summary>
/// The roles and the claims that scope them. Editors and Publishers are scoped to villages (claim
/// <see cref="VillageClaim"/>, one per village code such as "bat-trang"); Translators to cultures
/// (<see cref="CultureClaim"/>). Administrators are not scoped.
/// </summary>
public static class BackofficeRoles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Publisher = "Publisher";
    public const string Translator = "Translator";

    public const string VillageClaim = "vcp:village";
    public const string CultureClaim = "vcp:culture";

    public static readonly IReadOnlyList<string> All = [Administrator, Editor, Publisher, Translator];

    public static bool IsKnown(string role) => All.Contains(role);
}
