using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using VillageCraftPortal.Web.Backoffice.Audit;
using VillageCraftPortal.Web.Content;

namespace VillageCraftPortal.Web.Backoffice.Accounts;

/// <summary>The user's own settings: the backoffice language, an authenticator app (TOTP), and their password.</summary>
public sealed class ProfileModel(UserManager<BackofficeUser> users, SignInManager<BackofficeUser> signIn, AuditLog audit) : PageModel
{
    public BackofficeUser Me { get; private set; } = null!;

    public string? AuthenticatorKey { get; private set; }

    public string? QrSvg { get; private set; }

    public string? Message { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostLanguageAsync(string culture)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        Me.PreferredCulture = Cultures.IsSupported(culture) ? culture : Cultures.Default;
        await users.UpdateAsync(Me);
        Response.Cookies.Append(BackofficeExtensions.CultureCookie, Me.PreferredCulture, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/backoffice", MaxAge = TimeSpan.FromDays(365) });
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEnableTwoFactorAsync(string code)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        var valid = await users.VerifyTwoFactorTokenAsync(Me, users.Options.Tokens.AuthenticatorTokenProvider, (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal));
        if (!valid)
        {
            Errors = ["bo.twoFactor.failed"];
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(Me, true);
        await audit.WriteAsync(AuditActions.TwoFactorChanged, Me.Email!, "user", Me.Email, "enabled");
        Message = "bo.profile.twoFactorOn";
        return Page();
    }

    public async Task<IActionResult> OnPostDisableTwoFactorAsync()
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        await users.SetTwoFactorEnabledAsync(Me, false);
        await users.ResetAuthenticatorKeyAsync(Me);
        await audit.WriteAsync(AuditActions.TwoFactorChanged, Me.Email!, "user", Me.Email, "disabled");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPasswordAsync(string current, string password)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(Me, current ?? string.Empty, password ?? string.Empty);
        if (!result.Succeeded)
        {
            Errors = [.. result.Errors.Select(e => $"bo.identity.{e.Code}")];
            return Page();
        }

        await signIn.RefreshSignInAsync(Me);
        await audit.WriteAsync(AuditActions.PasswordReset, Me.Email!, "user", Me.Email, "changed by the user");
        Message = "bo.profile.passwordChanged";
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } me)
        {
            return false;
        }

        Me = me;
        if (!me.TwoFactorEnabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(me);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(me);
                key = await users.GetAuthenticatorKeyAsync(me);
            }

            AuthenticatorKey = key;
            var uri = $"otpauth://totp/{UrlEncoder.Default.Encode("VillageCraftPortal:" + me.Email)}?secret={key}&issuer=VillageCraftPortal&digits=6";
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
            QrSvg = new SvgQRCode(data).GetGraphic(4);
        }

        return true;
    }
}
