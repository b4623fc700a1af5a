using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Features.Shop;
using VillageCraftPortal.Web.Infrastructure;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Features.Orders;

/// <summary>
/// The guest order lookup: order number and email lead to the order's status page. Any wrong pair (or an empty or
/// malformed field) gets one and the same answer, so the form cannot be used to learn which numbers or emails exist.
/// </summary>
[OutputCache(NoStore = true)]
[EnableRateLimiting(OrdersExtensions.LookupRateLimit)]
public sealed class LookupModel(OrderLookup lookup, OrderAccess access, UiTexts texts, IOptions<SiteOptions> site, PublishedSnapshotAccessor snapshots) : PageModel
{
    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public bool Failed { get; private set; }

    public string Culture => SiteCulture.Current;

    public void OnGet() => SetMeta();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var orderId = await lookup.FindAsync(Number, Email, cancellationToken);
        if (orderId is null)
        {
            // The form comes back empty: echoing what was typed would make the answers differ.
            (Number, Email, Failed) = (null, null, true);
            ModelState.Clear();
            SetMeta();
            return Page();
        }

        access.Grant(HttpContext, orderId.Value);
        // 303: the browser shows the status page with a GET, so reloading it never posts the form again.
        Response.Headers.Location = ShopPaths.OrderStatus(Culture, Number!.Trim());
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private void SetMeta()
    {
        var title = texts.Get(Culture, "orders.lookup.title");
        var home = snapshots.Current.Root;
        ViewData.SetMeta(new PageMeta
        {
            Title = $"{title} · {texts.Get(Culture, "site.name")}",
            Culture = Culture,
            Description = texts.Get(Culture, "orders.lookup.intro"),
            CanonicalUrl = site.Value.Absolute(ShopPaths.OrderLookup(Culture)),
            Alternates = [.. Cultures.All.Select(c => new AlternateLink(c, ShopPaths.OrderLookup(c), site.Value.Absolute(ShopPaths.OrderLookup(c))))],
            Breadcrumbs = home is null ? [] : [new Breadcrumb(home.Name(Culture).Value, home.Url(Culture)), new Breadcrumb(title, ShopPaths.OrderLookup(Culture))],
        });
    }
}
