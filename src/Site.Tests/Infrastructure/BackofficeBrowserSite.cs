using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Site.Tests.Infrastructure;

/// <summary>
/// The backoffice site (seeded content and staff accounts, see <see cref="BackofficeSite"/>) served over a real
/// socket, with <see cref="Chromium"/> to work in it. Each user signs in once through the sign-in form (it is rate
/// limited); later pages for that user open in fresh browser contexts carrying the same session cookie.
/// </summary>
public sealed class BackofficeBrowserSite() : BackofficeSite(DatabaseKind.Sqlite)
{
    private readonly Dictionary<string, string> _sessions = new(StringComparer.Ordinal);
    private Chromium _chromium = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser => _chromium.Browser;

    /// <summary>The SMTP server the site sends its email to (order emails, password resets).</summary>
    public SmtpListener Mail { get; } = new();

    public override async Task InitializeAsync()
    {
        await Mail.StartAsync();
        await base.InitializeAsync();
        _chromium = await Chromium.LaunchAsync();
    }

    protected override SiteFactory CreateFactory(TestDatabase database) => new(database, Mail.Settings, Clock);

    protected override async Task<HttpClient> StartAsync(SiteFactory factory)
    {
        BaseAddress = await factory.StartKestrelAsync();
        return SocketClient();
    }

    /// <summary>A form-submitting client over the socket (the in-memory clients do not reach Kestrel).</summary>
    public override StaffClient NewClient() => new(SocketClient());

    private HttpClient SocketClient() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>
    /// The interface text the site shows for a key, in Vietnamese (the backoffice's default language). Controls are
    /// found by the label a person reads, whatever the dictionary holds for it today (a missing key shows as itself).
    /// </summary>
    public string Text(string key, params object[] arguments) =>
        Factory.Services.GetRequiredService<UiTexts>().Get("vi", key, arguments);

    /// <summary>A page in a fresh browser context, anonymous.</summary>
    public Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null) => _chromium.NewPageAsync(options);

    /// <summary>
    /// A blank page in a fresh browser context (nothing cached) signed in as this user. The first time, the user signs
    /// in through the sign-in form as a person does; later contexts carry the session that sign-in gave.
    /// </summary>
    public async Task<IPage> NewPageAsAsync(string email, BrowserNewContextOptions? options = null)
    {
        if (!_sessions.TryGetValue(email, out var session))
        {
            var page = await _chromium.NewPageAsync();
            await page.GotoAsync(Url("/backoffice/sign-in"));
            await page.GetByLabel(Text("bo.signIn.email"), new() { Exact = true }).FillAsync(email);
            await page.GetByLabel(Text("bo.signIn.password"), new() { Exact = true }).FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = Text("bo.signIn.submit"), Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/backoffice");
            session = _sessions[email] = await page.Context.StorageStateAsync();
            await page.Context.CloseAsync();
        }

        options ??= new BrowserNewContextOptions();
        options.StorageState = session;
        return await _chromium.NewPageAsync(options);
    }

    /// <summary>Waits until the public site serves everything published so far (the snapshot is rebuilt in the background).</summary>
    public async Task WaitForPublishedSnapshotAsync()
    {
        var newest = await QueryAsync(db => db.ContentEvents.MaxAsync(e => (long?)e.Id)) ?? 0;
        await Factory.Services.GetRequiredService<PublishedSnapshotAccessor>().WaitForVersionAsync(newest, TimeSpan.FromSeconds(30));
    }

    public override async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        await base.DisposeAsync();
        await Mail.DisposeAsync();
    }
}

/// <summary>Backoffice browser tests run one class at a time: each starts its own site and Chromium, and the machine is small.</summary>
[CollectionDefinition(Name)]
public sealed class BackofficeBrowserGroup
{
    public const string Name = "backoffice browser";
}
