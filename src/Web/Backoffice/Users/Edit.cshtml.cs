using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Backoffice.Accounts;

namespace VillageCraftPortal.Web.Backoffice.Users;

/// <summary>
/// Creates a user (who then sets their own password through the reset link) or changes a user's roles and scopes;
/// administrators only. A new user never gets a password chosen by someone else.
/// </summary>
[Authorize(Roles = BackofficeRoles.Administrator)]
public sealed class EditModel(UserAdministration users, UserManager<BackofficeUser> manager, ContentScopes scopes, BackofficeAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty]
    public string Email { get; set; } = string.Empty;

    [BindProperty]
    public string DisplayName { get; set; } = string.Empty;

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public List<string> Villages { get; set; } = [];

    [BindProperty]
    public List<string> CultureScopes { get; set; } = [];

    public IReadOnlyList<string> AllVillages { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public bool LockedOut { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        AllVillages = await scopes.VillageCodesAsync(cancellationToken);
        if (Id is null)
        {
            return Page();
        }

        if (await manager.FindByIdAsync(Id) is not { } user)
        {
            return NotFound();
        }

        var current = await users.AccessOfAsync(user);
        (Email, DisplayName, Roles, Villages, CultureScopes) = (user.Email ?? string.Empty, user.DisplayName, [.. current.Roles], [.. current.Villages], [.. current.Cultures]);
        LockedOut = await manager.IsLockedOutAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        AllVillages = await scopes.VillageCodesAsync(cancellationToken);
        var requested = new UserAccess(Roles, Villages, CultureScopes);
        UserResult result;
        if (Id is null)
        {
            // A random password nobody knows: the new user chooses theirs through "forgot password".
            var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
            result = await users.CreateAsync(new NewUser(Email.Trim(), DisplayName, requested, password), access.UserName, cancellationToken);
        }
        else
        {
            result = await users.ChangeAccessAsync(Id, requested, access.UserName, cancellationToken);
        }

        if (result.Status == UserOperationStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            Errors = result.Errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        return RedirectToPage("/Backoffice/Users/Index");
    }

    public async Task<IActionResult> OnPostUnlockAsync()
    {
        if (Id is null || await manager.FindByIdAsync(Id) is not { } user)
        {
            return NotFound();
        }

        await manager.SetLockoutEndDateAsync(user, null);
        await manager.ResetAccessFailedCountAsync(user);
        return RedirectToPage(new { id = Id });
    }
}
