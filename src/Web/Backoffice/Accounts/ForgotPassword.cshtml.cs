using System.ComponentModel.DataAnnotations;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using VillageCraftPortal.Web.Infrastructure;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Infrastructure.Email;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Backoffice.Accounts;

/// <summary>
/// Sends a reset link by email, in the user's language. The answer is the same whether the address exists or not,
/// so the form cannot be used to find out who has an account.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(BackofficeExtensions.SignInRateLimit)]
public sealed class ForgotPasswordModel(UserManager<BackofficeUser> users, AppDbContext db, EmailOutbox outbox, UiTexts texts, IOptions<SiteOptions> site) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "bo.signIn.emailRequired")]
    [EmailAddress(ErrorMessage = "bo.signIn.emailInvalid")]
    public string Email { get; set; } = string.Empty;

    public bool Sent { get; private set; }

    public void OnGet()
    {
        // The empty form.
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Email);
        if (user is not null && !await users.IsLockedOutAsync(user))
        {
            var token = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            var link = site.Value.Absolute($"/backoffice/reset-password?email={UrlEncoder.Default.Encode(user.Email!)}&token={token}");
            var culture = user.PreferredCulture;
            outbox.Enqueue(db, user.Email!, texts.Get(culture, "bo.reset.emailSubject"),
                texts.Get(culture, "bo.reset.emailText", user.DisplayName, link),
                texts.Get(culture, "bo.reset.emailHtml", HtmlEncoder.Default.Encode(user.DisplayName), HtmlEncoder.Default.Encode(link)));
            await db.SaveChangesAsync();
            outbox.WakeDispatcher();
        }

        Sent = true;
        return Page();
    }
}
