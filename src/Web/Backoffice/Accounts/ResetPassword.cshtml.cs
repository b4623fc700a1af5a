using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using VillageCraftPortal.Web.Backoffice.Audit;

namespace VillageCraftPortal.Web.Backoffice.Accounts;

/// <summary>Sets a new password from the emailed link; the link works once and expires (Identity's token lifetime).</summary>
[AllowAnonymous]
[EnableRateLimiting(BackofficeExtensions.SignInRateLimit)]
public sealed class ResetPasswordModel(UserManager<BackofficeUser> users, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Email { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = "bo.signIn.passwordRequired")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "bo.reset.tooShort")]
    public string Password { get; set; } = string.Empty;

    [BindProperty]
    [Compare(nameof(Password), ErrorMessage = "bo.reset.mismatch")]
    public string Confirm { get; set; } = string.Empty;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public bool Done { get; private set; }

    public void OnGet()
    {
        // The form, carrying the email and token from the link.
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Email);
        string token;
        try
        {
            token = System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Token));
        }
        catch (FormatException)
        {
            token = string.Empty;
        }

        var result = user is null ? IdentityResult.Failed(new IdentityError { Code = "InvalidToken" }) : await users.ResetPasswordAsync(user, token, Password);
        if (!result.Succeeded)
        {
            Errors = [.. result.Errors.Select(e => $"bo.identity.{e.Code}")];
            return Page();
        }

        await audit.WriteAsync(AuditActions.PasswordReset, Email, userId: user!.Id);
        Done = true;
        return Page();
    }
}
