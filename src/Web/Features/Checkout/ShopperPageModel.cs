using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Features.Cart;
using VillageCraftPortal.Web.Infrastructure.Web;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Features.Checkout;

/// <summary>
/// The base of the pages that belong to one visitor (cart, checkout, confirmation). Every Razor page is output-cached
/// by default (see PublicSiteExtensions); these never are, by the server or by the browser, so one buyer can never be
/// shown another's cart or order. They are not indexed either.
/// </summary>
[OutputCache(NoStore = true)]
public abstract class ShopperPageModel : PageModel
{
    /// <summary>The key under which a page hands its cart's item count to the layout's header badge.</summary>
    public const string CartCountKey = "vcp.cart-count";

    public string Culture => SiteCulture.Current;

    protected UiTexts Texts => HttpContext.RequestServices.GetRequiredService<UiTexts>();

    protected CartCookie CartCookie => HttpContext.RequestServices.GetRequiredService<CartCookie>();

    protected Guid? CartId => CartCookie.Read(HttpContext);

    /// <summary>Where Stripe sends the buyer back, as absolute addresses on the configured public host.</summary>
    protected CheckoutReturn StripeReturn => new(Culture, path => new Uri(Site.Absolute(path)));

    /// <summary>An absolute address on the configured public host, for links that leave the page (share links).</summary>
    public string AbsoluteUrl(string path) => Site.Absolute(path);

    private Infrastructure.SiteOptions Site => HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Infrastructure.SiteOptions>>().Value;

    /// <summary>The title's text key.</summary>
    protected abstract string TitleKey { get; }

    /// <summary>This page's address in another culture, for the language switcher.</summary>
    protected abstract string PathIn(string culture);

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        // The attribute above already keeps these pages out of the output cache; this also holds if a policy added
        // later for all pages were to switch storage back on.
        if (HttpContext.Features.Get<IOutputCacheFeature>() is { } cache)
        {
            cache.Context.AllowCacheStorage = false;
        }

        Response.NeverStored();
        ViewData.SetMeta(new PageMeta
        {
            Title = $"{Texts.Get(Culture, TitleKey)} · {Texts.Get(Culture, "site.name")}",
            Culture = Culture,
            NoIndex = true,
            Alternates = [.. Cultures.All.Select(c => new AlternateLink(c, PathIn(c), Site.Absolute(PathIn(c))))],
        });
    }

    /// <summary>Shows the cart's item count in the header and keeps the readable count cookie in step.</summary>
    protected void ShowCartCount(int itemCount)
    {
        ViewData[CartCountKey] = itemCount;
        CartCookie.WriteCount(HttpContext, itemCount);
    }
}
