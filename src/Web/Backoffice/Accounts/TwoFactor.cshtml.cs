using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using VillageCraftPortal.Web.Backoffice.Audit;

namespace VillageCraftPortal.Web.Backoffice.Accounts;

/// <summary>The second step for users who turned on an authenticator app (TOTP).</summary>
[AllowAnonymous]
[EnableRateLimiting(BackofficeExtensions.SignInRateLimit)]
public sealed class TwoFactorModel(SignInManager<BackofficeUser> signIn, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "bo.twoFactor.codeRequired")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "bo.twoFactor.codeFormat")]
    public string Code { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Backoffice/Accounts/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Backoffice/Accounts/SignIn");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Code.Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false);
        if (result.Succeeded)
        {
            await SignInModel.SignedInAsync(signIn, audit, clock, Response, user.Email!);
            return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
        }

        await audit.WriteAsync(result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, user.Email!, summary: "two-factor code");
        Error = result.IsLockedOut ? "bo.signIn.lockedOut" : "bo.twoFactor.failed";
        return Page();
    }
}
