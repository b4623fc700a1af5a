using System.Net;
using AngleSharp.Dom;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Features.Shop;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Site.Tests.Features.Checkout;

/// <summary>
/// Each checkout rule refuses with a friendly message next to its field and in the summary at the top, and keeps
/// everything the person typed; payment rules (cash on delivery abroad or above the limit) refuse at the last step.
/// </summary>
public abstract class CheckoutValidationTests(ShopSite site)
{
    private static readonly UiTexts Texts = new();

    public static TheoryData<string, string, string, string> FieldCases => new()
    {
        { "Email", "", "Email", "checkout.error.emailRequired" },
        { "Email", "lan@example", "Email", "checkout.error.emailInvalid" },
        { "Email", "Lan <lan@example.vn>", "Email", "checkout.error.emailInvalid" },
        { "Phone", "12345", "Phone", "checkout.error.phoneInvalid" },
        { "Phone", "0123 456 789", "Phone", "checkout.error.phoneInvalid" },
        { "ProvinceCode", "", "ProvinceCode", "checkout.error.provinceRequired" },
        { "ProvinceCode", "hai-duong", "ProvinceCode", "checkout.error.provinceUnknown" },
        { "Name", "", "Name", "checkout.error.nameRequired" },
        { "Delivery", "", "Delivery", "checkout.error.deliveryRequired" },
    };

    [Theory]
    [MemberData(nameof(FieldCases))]
    public async Task A_wrong_field_is_explained_beside_it_and_in_the_summary_and_what_was_typed_is_kept(string field, string typed, string errorField, string messageKey)
    {
        var vase = await site.Products.CreateAsync("bat-trang", price: 1_250_000, stock: 10);
        using var buyer = site.NewShopper();
        await buyer.AddOkAsync(vase.Id);
        var details = Shopper.HanoiDetails();
        details[field] = typed;
        details["Notes"] = "Gọi trước khi giao, cảm ơn!";

        using var response = await buyer.SubmitDetailsAsync(details);

        var page = await AssertRefusedAsync(response, errorField, messageKey);
        foreach (var (name, value) in details.Where(d => d.Key is not ("ProvinceCode" or "Delivery" or "Destination")))
        {
            Assert.Equal(value, StaffClient.FieldValue(page, name));
        }
    }

    [Fact]
    public async Task A_bad_tax_code_is_refused_when_an_invoice_is_asked_for()
    {
        var vase = await site.Products.CreateAsync("bat-trang", price: 1_250_000, stock: 10);
        using var buyer = site.NewShopper();
        await buyer.AddOkAsync(vase.Id);
        var details = Shopper.HanoiDetails();
        details["WantsInvoice"] = "true";
        details["CompanyName"] = "Công ty TNHH Gốm Làng";
        details["TaxCode"] = "010123456";
        details["CompanyAddress"] = "Số 5 Bát Tràng, Gia Lâm, Hà Nội";

        using var response = await buyer.SubmitDetailsAsync(details);

        var page = await AssertRefusedAsync(response, "TaxCode", "checkout.error.taxCodeInvalid");
        Assert.Equal("010123456", StaffClient.FieldValue(page, "TaxCode"));
        Assert.Equal("Công ty TNHH Gốm Làng", StaffClient.FieldValue(page, "CompanyName"));
        Assert.NotNull(page.QuerySelector("input[name=WantsInvoice][checked]"));

        details["TaxCode"] = "0101234567-001";
        using var accepted = await buyer.SubmitDetailsAsync(details);
        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
    }

    [Fact]
    public async Task Perishable_goods_are_not_offered_nationwide_delivery_and_a_forced_choice_is_refused()
    {
        var banhChung = await site.Products.CreateAsync("tranh-khuc", price: 150_000, stock: 20, ProductCategory.Food, perishable: true);
        using var buyer = site.NewShopper();
        await buyer.AddOkAsync(banhChung.Id, 2);
        var form = await buyer.Browser.GetDocumentAsync(ShopPaths.Checkout("vi"));
        Assert.Equal(["pickup", "hanoi-courier"], form.QuerySelectorAll("input[name=Delivery]").Select(i => i.GetAttribute("value")));
        var details = Shopper.HanoiDetails();
        details["ProvinceCode"] = "hue";
        details["Delivery"] = "nationwide";

        using var response = await buyer.SubmitDetailsAsync(details);

        var page = await AssertRefusedAsync(response, "Delivery", "checkout.error.delivery.PerishableNotShippedThisWay");
        Assert.Equal("hue", StaffClient.FieldValue(page, "ProvinceCode"));
    }

    [Fact]
    public async Task The_hanoi_courier_is_refused_for_an_address_elsewhere()
    {
        var vase = await site.Products.CreateAsync("bat-trang", price: 1_250_000, stock: 10);
        using var buyer = site.NewShopper();
        await buyer.AddOkAsync(vase.Id);
        var details = Shopper.HanoiDetails();
        details["ProvinceCode"] = "da-nang";

        using var response = await buyer.SubmitDetailsAsync(details);

        await AssertRefusedAsync(response, "Delivery", "checkout.error.delivery.OnlyWithinHaNoi");
    }

    [Fact]
    public async Task Cash_on_delivery_is_not_offered_abroad_and_a_forced_choice_is_refused()
    {
        var scarf = await site.Products.CreateAsync("van-phuc", price: 380_000, stock: 10, ProductCategory.Silk);
        using var buyer = site.NewShopper();
        await buyer.AddOkAsync(scarf.Id);
        var abroad = new Dictionary<string, string>(Shopper.HanoiDetails())
        {
            ["Phone"] = "+33 6 12 34 56 78",
            ["Destination"] = "abroad",
            ["ProvinceCode"] = "",
            ["Country"] = "France",
            ["AddressAbroad"] = "12 rue de la Paix, 75002 Paris",
            ["Delivery"] = "international",
        };

        using var response = await buyer.CheckOutAsync("CashOnDelivery", abroad);

        await AssertRefusedAsync(response, "Payment", "checkout.error.payment.CashAbroad");
        var review = await buyer.Browser.GetDocumentAsync(ShopPaths.CheckoutReview("vi"));
        Assert.Equal(["BankTransfer"], review.QuerySelectorAll("input[name=Payment]").Select(i => i.GetAttribute("value")));
        Assert.Empty(await site.OrdersWithAsync(scarf.Id));
    }

    [Fact]
    public async Task Cash_on_delivery_above_the_limit_is_refused_with_the_limit()
    {
        var lacquer = await site.Products.CreateAsync("ha-thai", price: 3_000_000, stock: 10, ProductCategory.Lacquer);
        using var buyer = site.NewShopper();
        await buyer.AddOkAsync(lacquer.Id, 2);

        using var response = await buyer.CheckOutAsync("CashOnDelivery");

        var page = await AssertRefusedAsync(response, "Payment", "checkout.error.payment.CashOverLimit");
        Assert.Contains("5.000.000 ₫", page.QuerySelector("#Payment-error")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await site.OrdersWithAsync(lacquer.Id));
    }

    /// <summary>200 with the message beside the field (aria-invalid, described by it) and linked from the summary.</summary>
    private static async Task<IDocument> AssertRefusedAsync(HttpResponseMessage response, string field, string messageKey)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body[..Math.Min(400, body.Length)]}");
        var page = Html.Parse(body);
        var message = Texts.Get("vi", messageKey, "5.000.000 ₫").TrimEnd();
        var summaryLink = page.QuerySelectorAll(".error-summary a").SingleOrDefault(a => a.GetAttribute("href") == "#" + field);
        Assert.True(summaryLink is not null, $"No summary link to #{field}: {string.Join(" | ", page.QuerySelectorAll(".error-summary li").Select(l => l.TextContent))}");
        Assert.Equal(message, summaryLink.TextContent.Trim());
        Assert.NotNull(page.GetElementById(field));
        Assert.EndsWith(message, page.GetElementById(field + "-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith("Có lỗi: ", page.Title, StringComparison.Ordinal);
        return page;
    }
}

public sealed class SqliteCheckoutValidationTests(SqliteShopSite site) : CheckoutValidationTests(site), IClassFixture<SqliteShopSite>;

public sealed class PostgresCheckoutValidationTests(PostgresShopSite site) : CheckoutValidationTests(site), IClassFixture<PostgresShopSite>;
