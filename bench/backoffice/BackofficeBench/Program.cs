using System.Globalization;
using Microsoft.Playwright;

// Drives the backoffice in Debian's Chromium as a village publisher would:
//  1. counts the HTTP requests of the edit screen, opened in a fresh (cold-cache) browser context and again warm
//     (a warm load issues the same requests; the fingerprinted assets are immutable and come from the cache);
//  2. saves + publishes the centre page N times, timing each POST from request start to the first response byte
//     (loopback, so this is the server's time plus a negligible network share).
// Usage: BackofficeBench <base-url> <email> <password> <iterations>
var baseUrl = args[0].TrimEnd('/');
var (email, password) = (args[1], args[2]);
var iterations = int.Parse(args[3], CultureInfo.InvariantCulture);

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = Environment.GetEnvironmentVariable("VCP_CHROMIUM") ?? "/usr/bin/chromium",
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});

// Sign in once; later contexts start from this state with an empty HTTP cache.
var signIn = await browser.NewContextAsync();
var first = await signIn.NewPageAsync();
await first.GotoAsync($"{baseUrl}/backoffice/sign-in");
await first.Locator("#Email").FillAsync(email);
await first.Locator("#Password").FillAsync(password);
await Task.WhenAll(first.WaitForURLAsync(u => !u.Contains("/sign-in", StringComparison.Ordinal)), first.Locator("form button[type=submit]").First.ClickAsync());
await first.GotoAsync($"{baseUrl}/backoffice/content");
var href = await first.GetByRole(AriaRole.Link, new() { NameRegex = new("Trung tâm thiết kế sáng tạo làng gốm Bát Tràng") }).First.GetAttributeAsync("href")
    ?? throw new InvalidOperationException("The Bát Tràng centre is not in the tree.");
var editUrl = baseUrl + href;
var state = await signIn.StorageStateAsync();

// Every request the page makes (the first load of a context has an empty HTTP cache, so all go to the network).
async Task<List<string>> LoadAsync(IPage page)
{
    var requests = new List<string>();
    void Record(object? sender, IRequest r) => requests.Add($"{r.Method} {r.Url.Replace(baseUrl, string.Empty, StringComparison.Ordinal)}");
    page.Request += Record;
    await page.GotoAsync(editUrl, new() { WaitUntil = WaitUntilState.NetworkIdle });
    page.Request -= Record;
    return requests;
}

var cold = await browser.NewContextAsync(new() { StorageState = state });
var coldRequests = await LoadAsync(await cold.NewPageAsync());
var warmPage = await cold.NewPageAsync();
var warmRequests = await LoadAsync(warmPage);

// Save + publish, each time with a changed summary so that every publish is a real new version.
var page = warmPage;
var times = new List<double>();
page.RequestFinished += (_, r) =>
{
    if (r.Method == "POST" && r.Url.Contains("handler=Publish", StringComparison.OrdinalIgnoreCase) && r.Timing is { ResponseStart: > 0 } t)
    {
        times.Add(t.ResponseStart - Math.Max(0, t.RequestStart));
    }
};
for (var i = 0; i < iterations; i++)
{
    await page.Locator("[name='f.summary.vi']").FillAsync($"Bản đo hiệu năng số {i}: lưu và xuất bản trang trung tâm.");
    await Task.WhenAll(page.WaitForLoadStateAsync(LoadState.Load), page.Locator("button[formaction*='handler=Publish']").ClickAsync());
    await page.WaitForURLAsync(u => u.StartsWith(editUrl, StringComparison.Ordinal));
    if (await page.Locator("[role=status], .bo-message").CountAsync() == 0)
    {
        throw new InvalidOperationException($"No confirmation after publish {i}: {await page.TitleAsync()}");
    }
}

// The first publish includes JIT of the publish path; it is reported on its own.
var firstTime = times[0];
var steady = times.Skip(1).Order().ToList();
double Percentile(double p) => steady[(int)Math.Min(steady.Count - 1, Math.Ceiling(p * steady.Count) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold_requests={coldRequests.Count}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm_requests={warmRequests.Count}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"publish_first={firstTime:F1} n={steady.Count} median={Percentile(0.5):F1} p95={Percentile(0.95):F1} max={steady[^1]:F1}"));
foreach (var request in coldRequests)
{
    Console.WriteLine($"cold: {request}");
}
