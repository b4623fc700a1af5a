using System.Collections.Concurrent;
using Microsoft.Playwright;
using VillageCraftPortal.Site.Tests.Infrastructure;

namespace VillageCraftPortal.Site.Tests.E2E;

/// <summary>Small pages: what a browser fetches to show a page, excluding images, stays within budget.</summary>
[Collection(BrowserGroup.Name)]
public sealed class PageWeightTests(BrowserSite site)
{
    private const int VillageBudgetBytes = 100 * 1024;

    [Theory]
    [InlineData("/vi/lang-nghe/bat-trang")]
    [InlineData("/en/villages/chuyen-my")]
    [InlineData("/vi/lang-nghe/phu-vinh/trung-tam-thiet-ke-sang-tao")]
    public async Task A_village_page_is_at_most_100_KB_of_HTML_CSS_and_JS_uncompressed(string path)
    {
        var page = await site.NewPageAsync();
        var responses = new ConcurrentQueue<IResponse>();
        page.Response += (_, response) => responses.Enqueue(response);

        await page.GotoAsync(site.Url(path), new() { WaitUntil = WaitUntilState.NetworkIdle });

        var counted = responses.ToArray().Where(r => r.Request.ResourceType is "document" or "stylesheet" or "script").ToList();
        long total = 0;
        foreach (var response in counted)
        {
            total += (await response.BodyAsync()).Length;
        }

        Assert.Contains(counted, r => r.Request.ResourceType == "stylesheet");
        Assert.Contains(counted, r => r.Request.ResourceType == "script");
        Assert.True(total <= VillageBudgetBytes, $"{path}: {total} bytes: " + string.Join(", ", counted.Select(r => r.Url)));
    }

    [Fact]
    public async Task No_script_blocks_rendering()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("/vi/lang-nghe/bat-trang"));

        var blocking = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('head script[src]')].filter(s => s.type !== 'module' && !s.defer && !s.async).length");

        Assert.Equal(0, blocking);
    }
}
