using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Backoffice.Products;

/// <summary>What every product and variant handler answers alike; each page shows the other outcomes its own way.</summary>
internal static class ProductOutcomes
{
    /// <summary>404 or 403 for a product out of reach, the message and redirect for a saved one; null otherwise.</summary>
    public static IActionResult? Settled(this PageModel page, ProductSaveStatus status, UiTexts texts, string savedKey, string savedUrl) => status switch
    {
        ProductSaveStatus.NotFound => page.NotFound(),
        ProductSaveStatus.Forbidden => page.Forbid(),
        ProductSaveStatus.Saved => page.Told(texts, savedKey, savedUrl),
        _ => null,
    };

    /// <summary>Redirects with a message shown once on the next page.</summary>
    public static IActionResult Told(this PageModel page, UiTexts texts, string key, string url)
    {
        page.TempData["Message"] = texts.Get(SiteCulture.Current, key);
        return new RedirectResult(url);
    }
}
