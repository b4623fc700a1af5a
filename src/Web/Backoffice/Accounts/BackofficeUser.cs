using Microsoft.AspNetCore.Identity;

namespace VillageCraftPortal.Web.Backoffice.Accounts;

/// <summary>A member of village staff or the department, signing in to the backoffice.</summary>
public sealed class BackofficeUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The backoffice's language for this user: Vietnamese by default.</summary>
    public string PreferredCulture { get; set; } = "vi";

    public DateTime CreatedAt { get; set; }

    public DateTime? LastSignInAt { get; set; }
}
