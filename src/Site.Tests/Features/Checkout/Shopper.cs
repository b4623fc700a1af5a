using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Features.Shop;

namespace VillageCraftPortal.Site.Tests.Features.Checkout;

/// <summary>
/// A buyer's browser: keeps its cookies, submits the pages' own forms (antiforgery token included) and fills in the
/// checkout the way a person would.
/// </summary>
public sealed class Shopper(SiteFactory factory) : IDisposable
{
    private string? _token;
    private StaffClient? _browser;

    private static readonly Uri Site = new(SiteFactory.BaseUrl);

    public CookieContainer Cookies { get; } = new();

    public StaffClient Browser => _browser ??= new(factory.CreateDefaultClient(Site, new CookieContainerHandler(Cookies)));

    public string Culture { get; init; } = "vi";

    /// <summary>What a person types into the checkout for an order to Hà Nội by courier.</summary>
    public static Dictionary<string, string> HanoiDetails() => new()
    {
        ["Name"] = "Nguyễn Thị Lan",
        ["Email"] = "lan@example.vn",
        ["Phone"] = "0912 345 678",
        ["Destination"] = "vn",
        ["ProvinceCode"] = "ha-noi",
        ["Ward"] = "Phường Hoàn Kiếm",
        ["AddressLine"] = "1 Tràng Tiền",
        ["Delivery"] = "hanoi-courier",
    };

    /// <summary>Posts an "add to cart" form as a product page does (its fields: VariantId, Quantity, antiforgery token).</summary>
    public async Task<HttpResponseMessage> AddAsync(int variantId, string quantity = "1") =>
        await Browser.PostAsync(ShopPaths.CartAdd(Culture), new Dictionary<string, string>
        {
            ["VariantId"] = variantId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Quantity"] = quantity,
            [StaffClient.AntiforgeryField] = await TokenAsync(),
        });

    public async Task AddOkAsync(int variantId, int quantity = 1)
    {
        using var response = await AddAsync(variantId, quantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    public Task<IDocument> CartAsync(string? query = null) => Browser.GetDocumentAsync(ShopPaths.Cart(Culture) + query);

    /// <summary>Submits the details step; the response is a 303 to the review when they are valid.</summary>
    public Task<HttpResponseMessage> SubmitDetailsAsync(Dictionary<string, string> details) =>
        Browser.SubmitAsync(ShopPaths.Checkout(Culture), "form.checkout-form", details);

    /// <summary>Fills in the details and chooses how to pay; returns the answer to "place order".</summary>
    public async Task<HttpResponseMessage> CheckOutAsync(string payment, Dictionary<string, string>? details = null)
    {
        using (var submitted = await SubmitDetailsAsync(details ?? HanoiDetails()))
        {
            Assert.True(submitted.StatusCode == HttpStatusCode.SeeOther, $"The details were refused: {await ErrorsAsync(submitted)}");
        }

        return await Browser.SubmitAsync(ShopPaths.CheckoutReview(Culture), "form.checkout-form", new() { ["Payment"] = payment });
    }

    /// <summary>The error summary's messages on a page answered to a post.</summary>
    public static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        return string.Join(" | ", page.QuerySelectorAll(".error-summary li").Select(li => li.TextContent.Trim()));
    }

    public string? Cookie(string name) => Cookies.GetCookies(Site)[name]?.Value;

    /// <summary>Sets a cookie as a person editing their browser's storage would.</summary>
    public void SetCookie(string name, string value) => Cookies.Add(Site, new Cookie(name, value, "/"));

    /// <summary>
    /// An antiforgery token of this browser. Tokens belong to the browser, not to a form, so any page's will do; the
    /// product pages (another feature) are not needed for it.
    /// </summary>
    private async Task<string> TokenAsync() => _token ??= await Browser.AntiforgeryTokenAsync("/backoffice/sign-in");

    public static IHtmlFormElement Form(IDocument page, string selector) => page.QuerySelector<IHtmlFormElement>(selector)
        ?? throw new InvalidOperationException($"No {selector} on {page.Title}");

    public void Dispose() => _browser?.Dispose();
}
