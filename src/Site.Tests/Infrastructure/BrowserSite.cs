using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace VillageCraftPortal.Site.Tests.Infrastructure;

/// <summary>
/// The seeded site served over a real socket, and Debian's Chromium driven by Playwright (browser downloads are not
/// possible here). The path can be changed with VCP_CHROMIUM.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    public const string ChromiumVariable = "VCP_CHROMIUM";

    private TestDatabase _database = null!;
    private IPlaywright _playwright = null!;

    public SiteFactory Factory { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        Factory = new SiteFactory(_database, clock: new FakeTimeProvider(SeededSite.FixedNow));
        BaseAddress = Factory.StartKestrel();
        using (var client = new HttpClient { BaseAddress = BaseAddress })
        {
            await SiteFactory.WaitUntilReadyAsync(client);
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Root in CI needs --no-sandbox; the rest keeps Chromium off the (closed) network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions());
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Factory.DisposeAsync();
        await _database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserSite>
{
    public const string Name = "browser";
}
