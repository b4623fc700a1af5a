using Microsoft.Playwright;

namespace VillageCraftPortal.Site.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright (browser downloads are not possible here). The path can be changed with
/// VCP_CHROMIUM. Each context, and every assertion, gets the same default timeout, so a missing element fails the
/// test instead of hanging.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string PathVariable = "VCP_CHROMIUM";

    private const float DefaultTimeout = 15_000;

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static async Task<Chromium> LaunchAsync()
    {
        // Assertions wait as long as actions do: the tests share two cores with the rest of the suite.
        Assertions.SetDefaultExpectTimeout(DefaultTimeout);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Root in CI needs --no-sandbox; the rest keeps Chromium off the (closed) network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        return new Chromium(playwright, browser);
    }

    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions());
        context.SetDefaultTimeout(DefaultTimeout);
        return context;
    }

    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null) =>
        await (await NewContextAsync(options)).NewPageAsync();

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
