using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using VillageCraftPortal.Site.Tests.Infrastructure;

namespace VillageCraftPortal.Site.Tests.E2E;

/// <summary>axe-core finds no WCAG 2.2 A/AA violations on the pages tourists land on, at phone and desktop widths.</summary>
[Collection(BrowserGroup.Name)]
public sealed class AccessibilityTests(BrowserSite site)
{
    private static readonly AxeRunOptions Wcag22 = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
    };

    [Fact]
    public async Task The_checker_itself_catches_a_known_violation()
    {
        var page = await site.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html><head><title>t</title></head><body><main><img src='data:,'><a href='/x'></a></main></body></html>");

        var result = await page.RunAxe(Wcag22);

        Assert.Contains(result.Violations, v => v.Id == "image-alt");
        Assert.Contains(result.Violations, v => v.Id == "html-has-lang");
    }

    [Theory]
    [InlineData("/vi", 1280)]
    [InlineData("/en", 360)]
    [InlineData("/vi/lang-nghe", 1280)]
    [InlineData("/en/villages", 360)]
    [InlineData("/vi/lang-nghe/bat-trang", 1280)]
    [InlineData("/en/villages/bat-trang", 360)]
    [InlineData("/en/villages/van-phuc/design-centre", 1280)]
    [InlineData("/vi/lang-nghe/khong-co", 1280)]
    [InlineData("/vi/san-pham", 1280)]
    [InlineData("/en/products?category=ceramics&instock=true&sort=price-asc", 360)]
    [InlineData("/en/products/village/van-phuc", 1280)]
    [InlineData("/vi/san-pham/bat-trang-blue-white-tea-set", 360)]
    [InlineData("/en/products/van-phuc-brocade-pouches", 1280)]
    [InlineData("/vi/tim-kiem?q=gom", 1280)]
    [InlineData("/en/search?q=silk&type=product&instock=1", 360)]
    [InlineData("/en/search?q=lacqxxer", 1280)]
    [InlineData("/vi/lich-trinh-goi-y", 1280)]
    [InlineData("/en/itineraries/woodcraft-son-dong-thiet-ung", 360)]
    [InlineData("/vi/chuyen-di-cua-toi", 360)]
    [InlineData("/en/my-trip/add?stop=nonsense", 1280)]
    public async Task No_WCAG_A_or_AA_violations(string path, int width)
    {
        var page = await site.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
        await page.GotoAsync(site.Url(path));

        var result = await page.RunAxe(Wcag22);

        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }
}
