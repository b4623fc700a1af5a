using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Backoffice.Audit;

namespace VillageCraftPortal.Web.Backoffice.Accounts;

/// <summary>Signing out is a POST with an antiforgery token, so no other site can sign a user out.</summary>
public sealed class SignOutModel(SignInManager<BackofficeUser> signIn, AuditLog audit, BackofficeAccess access) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Backoffice/Home/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await audit.WriteAsync(AuditActions.SignOut, access.UserName);
        await signIn.SignOutAsync();
        return RedirectToPage("/Backoffice/Accounts/SignIn");
    }
}
