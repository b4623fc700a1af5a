using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Backoffice.Accounts;
using VillageCraftPortal.Web.Backoffice.Audit;
using VillageCraftPortal.Web.Infrastructure.Cli;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Site.Tests.Backoffice;

/// <summary>
/// Sign-in, lockout, rate limit, two-factor codes, password reset by email and the users verb. Each test has its own
/// site (sign-in is rate limited per site) with email going to a real SMTP listener.
/// </summary>
public abstract partial class AccountsTests(DatabaseKind kind) : IAsyncLifetime
{
    private const string NewPassword = "a brand new passphrase for tests";
    private static readonly UiTexts Texts = new();
    private static readonly SemaphoreSlim EnvironmentLock = new(1, 1);

    private SmtpListener _smtp = null!;
    private MailingBackofficeSite _site = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpListener.StartNewAsync();
        _site = new MailingBackofficeSite(kind, _smtp);
        await _site.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var client = _site.NewClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var failed = await SignInAnswerAsync(client, BackofficeSite.BatTrangEditor, $"wrong passphrase number {attempt}");
            Assert.Contains(Texts.Get("vi", attempt < 5 ? "bo.signIn.failed" : "bo.signIn.lockedOut"), failed, StringComparison.Ordinal);
        }

        var locked = await SignInAnswerAsync(client, BackofficeSite.BatTrangEditor, BackofficeSite.Password);

        Assert.Contains(Texts.Get("vi", "bo.signIn.lockedOut"), locked, StringComparison.Ordinal);
        using var home = await client.GetAsync("/backoffice");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        var actions = await _site.QueryAsync(db => db.AuditEntries.Where(a => a.UserName == BackofficeSite.BatTrangEditor).Select(a => a.Action).ToListAsync());
        Assert.Equal(4, actions.Count(a => a == AuditActions.SignInFailed));
        Assert.Contains(AuditActions.LockedOut, actions);
    }

    [Fact]
    public async Task The_sign_in_form_is_rate_limited()
    {
        var client = _site.NewClient();
        var token = await client.AntiforgeryTokenAsync("/backoffice/sign-in");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var response = await client.PostAsync("/backoffice/sign-in", Form(token, $"nobody{i}@test.local", "not a real passphrase"));
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Two_factor_codes_are_asked_for_once_enabled_and_a_wrong_code_is_refused()
    {
        var editor = await _site.SignInAsync(BackofficeSite.BatTrangEditor);
        var profile = await editor.GetDocumentAsync("/backoffice/profile");
        var key = profile.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal);
        var totp = new Totp(Base32Encoding.ToBytes(key));

        using var wrong = await editor.SubmitAsync("/backoffice/profile", "form", new() { ["code"] = "000000" == totp.ComputeTotp() ? "111111" : "000000" }, "EnableTwoFactor");
        Assert.Contains(Texts.Get("vi", "bo.twoFactor.failed"), await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var enabled = await editor.SubmitAsync("/backoffice/profile", "form", new() { ["code"] = totp.ComputeTotp() }, "EnableTwoFactor");
        Assert.Contains(Texts.Get("vi", "bo.profile.twoFactorOn"), await enabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var next = _site.NewClient();
        using var password = await next.SubmitAsync("/backoffice/sign-in", "form", new() { ["Email"] = BackofficeSite.BatTrangEditor, ["Password"] = BackofficeSite.Password });
        Assert.StartsWith("/backoffice/sign-in/two-factor", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        using var notYet = await next.GetAsync("/backoffice");
        Assert.Equal(HttpStatusCode.Redirect, notYet.StatusCode);
        using var code = await next.SubmitAsync(password.Headers.Location!.ToString(), "form", new() { ["Code"] = totp.ComputeTotp() });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        using var home = await next.GetAsync("/backoffice");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task A_reset_link_sent_by_email_sets_a_new_password_and_unknown_addresses_get_the_same_answer()
    {
        var client = _site.NewClient();
        using var unknown = await client.SubmitAsync("/backoffice/forgot-password", "form", new() { ["Email"] = "nobody@test.local" });
        using var known = await client.SubmitAsync("/backoffice/forgot-password", "form", new() { ["Email"] = BackofficeSite.VanPhucEditor });
        Assert.Equal(Sent(await unknown.Content.ReadAsStringAsync()), Sent(await known.Content.ReadAsStringAsync()));

        var email = await _smtp.WaitForMessageAsync(m => m.To.ToString().Contains(BackofficeSite.VanPhucEditor, StringComparison.Ordinal));
        Assert.Equal(Texts.Get("vi", "bo.reset.emailSubject"), email.Subject);
        var link = new Uri(ResetLink().Match(email.TextBody ?? string.Empty).Value);
        using var weak = await client.SubmitAsync(link.PathAndQuery, "form", new() { ["Password"] = "aaaaaaaaaaaaaaaa", ["Confirm"] = "aaaaaaaaaaaaaaaa" });
        Assert.Contains(Texts.Get("vi", "bo.identity.PasswordRequiresUniqueChars"), await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var reset = await client.SubmitAsync(link.PathAndQuery, "form", new() { ["Password"] = NewPassword, ["Confirm"] = NewPassword });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);

        Assert.Contains(Texts.Get("vi", "bo.signIn.failed"), await SignInAnswerAsync(_site.NewClient(), BackofficeSite.VanPhucEditor, BackofficeSite.Password), StringComparison.Ordinal);
        await _site.NewClient().SignInAsync(BackofficeSite.VanPhucEditor, NewPassword);
        Assert.Single(_smtp.Messages);
        using var reused = await client.SubmitAsync(link.PathAndQuery, "form", new() { ["Password"] = "yet another long passphrase", ["Confirm"] = "yet another long passphrase" });
        Assert.Contains(Texts.Get("vi", "bo.identity.InvalidToken"), await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_users_verb_adds_scoped_users_with_the_password_from_the_environment_and_lists_them()
    {
        // The variable is process-wide and the SQLite and PostgreSQL classes run in parallel.
        await EnvironmentLock.WaitAsync();
        Environment.SetEnvironmentVariable(UsersVerb.PasswordVariable, "a passphrase from the environment");
        try
        {
            var added = await RunAsync("users", "add", "--email", "kim-lan@test.local", "--role", "Editor,Publisher", "--village", "kim-lan", "--name", "Kim Lan");
            var noVillage = await RunAsync("users", "add", "--email", "x@test.local", "--role", "Editor");
            var badRole = await RunAsync("users", "add", "--email", "y@test.local", "--role", "Owner");
            var list = await RunAsync("users", "list");

            Assert.Equal((CliRunner.Success, "Created kim-lan@test.local: Editor, Publisher [kim-lan]"), (added.Code, added.Output.Trim()));
            Assert.Equal(CliRunner.Failure, noVillage.Code);
            Assert.Contains("users.error.villageRequired", noVillage.Output, StringComparison.Ordinal);
            Assert.Contains("users.error.role", badRole.Output, StringComparison.Ordinal);
            Assert.Contains("kim-lan@test.local\tKim Lan\tEditor, Publisher [kim-lan]", list.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("x@test.local", list.Output, StringComparison.Ordinal);
            await _site.NewClient().SignInAsync("kim-lan@test.local", "a passphrase from the environment");
        }
        finally
        {
            Environment.SetEnvironmentVariable(UsersVerb.PasswordVariable, null);
            EnvironmentLock.Release();
        }
    }

    private async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await _site.Factory.Services.RunVerbAsync(CommandLine.Parse(args), output, error);
        return (code, output + error.ToString());
    }

    private static async Task<string> SignInAnswerAsync(StaffClient client, string email, string password)
    {
        using var response = await client.SubmitAsync("/backoffice/sign-in", "form", new() { ["Email"] = email, ["Password"] = password });
        return await response.Content.ReadAsStringAsync();
    }

    private static Dictionary<string, string> Form(string token, string email, string password) => new()
    {
        [StaffClient.AntiforgeryField] = token,
        ["Email"] = email,
        ["Password"] = password,
    };

    private static string Sent(string html) => Html.Parse(html).QuerySelector("main")?.TextContent.Trim() ?? html;

    [GeneratedRegex(@"https://vcp\.test/backoffice/reset-password\?\S+")]
    private static partial Regex ResetLink();

    private sealed class MailingBackofficeSite(DatabaseKind kind, SmtpListener smtp) : BackofficeSite(kind)
    {
        protected override SiteFactory CreateFactory(TestDatabase database) => new(database, smtp.Settings, Clock);
    }
}

public sealed class SqliteAccountsTests() : AccountsTests(DatabaseKind.Sqlite);

public sealed class PostgresAccountsTests() : AccountsTests(DatabaseKind.Postgres);
