using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using VillageCraftPortal.Web.Backoffice.Audit;

namespace VillageCraftPortal.Web.Backoffice.Accounts;

/// <summary>Email and password; five failures lock the account for a while, and the form is rate limited per address.</summary>
[AllowAnonymous]
[EnableRateLimiting(BackofficeExtensions.SignInRateLimit)]
public sealed class SignInModel(SignInManager<BackofficeUser> signIn, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "bo.signIn.emailRequired")]
    [EmailAddress(ErrorMessage = "bo.signIn.emailInvalid")]
    public string Email { get; set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = "bo.signIn.passwordRequired")]
    public string Password { get; set; } = string.Empty;

    [BindProperty]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
        // Nothing to load: the form is empty.
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Email, Password, RememberMe, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Backoffice/Accounts/TwoFactor", new { ReturnUrl, RememberMe });
        }

        if (result.Succeeded)
        {
            await SignedInAsync(signIn, audit, clock, Response, Email);
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        await audit.WriteAsync(result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, Email);
        // The same message whether the address exists or not; lockout is said plainly.
        Error = result.IsLockedOut ? "bo.signIn.lockedOut" : "bo.signIn.failed";
        return Page();
    }

    internal static async Task SignedInAsync(SignInManager<BackofficeUser> signIn, AuditLog audit, TimeProvider clock, HttpResponse response, string email)
    {
        var user = await signIn.UserManager.FindByEmailAsync(email);
        if (user is not null)
        {
            user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
            await signIn.UserManager.UpdateAsync(user);
            response.Cookies.Append(BackofficeExtensions.CultureCookie, user.PreferredCulture, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/backoffice", MaxAge = TimeSpan.FromDays(365) });
        }

        await audit.WriteAsync(AuditActions.SignIn, email, userId: user?.Id);
    }

    internal static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 1 } && returnUrl.StartsWith("/backoffice", StringComparison.Ordinal) && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            ? returnUrl
            : "/backoffice";
}
