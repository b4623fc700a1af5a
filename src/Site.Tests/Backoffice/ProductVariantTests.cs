using System.Net;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Stock;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Backoffice.Audit;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Site.Tests.Backoffice;

/// <summary>
/// Variants: SKUs normalised and unique across the shop, prices in whole đồng read from what people type, an
/// earlier price above the price, stock received with a new variant in the ledger, and no removal once ordered.
/// </summary>
public abstract class ProductVariantTests(BackofficeSite site)
{
    private const string VariantForm = "form[data-variant-form]";

    private static readonly UiTexts Texts = new();

    [Fact]
    public async Task A_new_variant_is_saved_with_its_sku_in_capitals_its_price_in_dong_and_its_stock_in_the_ledger()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var product = await site.CreateProductAsync("bat-trang", ProductsArrange.NewSecret());
        var sku = $"bt-{ProductsArrange.NewSecret()}-xl";

        using var response = await editor.SubmitAsync($"/backoffice/products/{product.ProductId}/variants/new", "main form", new()
        {
            ["Form.Sku"] = $" {sku} ",
            ["Form.Price"] = "1.250.000",
            ["Form.CompareAt"] = "1 500 000 ₫",
            ["Form.SizeVi"] = "Cỡ lớn",
            ["Form.SizeEn"] = "Large",
            ["Form.OpeningStock"] = "12",
        });

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await StaffClient.BodyStartAsync(response));
        var normalised = sku.ToUpperInvariant();
        var variant = await site.QueryAsync(db => db.Set<ProductVariant>().SingleAsync(v => v.Sku == normalised));
        Assert.Equal((product.ProductId, 1_250_000L, (long?)1_500_000, "Cỡ lớn", "Large", 12, 1), (variant.ProductId, variant.Price, variant.CompareAtPrice, variant.Size, variant.SizeEn, variant.Available, variant.SortOrder));
        var entry = Assert.Single(await site.LedgerAsync(variant.Id));
        Assert.Equal((12, StockReason.Received, BackofficeSite.BatTrangEditor), (entry.Delta, entry.Reason, entry.Actor));
        Assert.Single(await site.AuditAsync(AuditActions.VariantCreate, variant.Sku));
    }

    [Theory]
    [InlineData("Form.Price", "0", "Price", "bo.products.error.priceRange")]
    [InlineData("Form.Price", "abc", "Price", "bo.products.error.priceFormat")]
    [InlineData("Form.Price", "", "Price", "bo.products.error.priceRequired")]
    [InlineData("Form.Price", "12,5", "Price", "bo.products.error.priceDecimal")]
    [InlineData("Form.Price", "100.000.000", "Price", "bo.products.error.priceRange")]
    [InlineData("Form.CompareAt", "300.000", "CompareAt", "bo.products.error.compareAt")]
    [InlineData("Form.CompareAt", "350000", "CompareAt", "bo.products.error.compareAt")]
    [InlineData("Form.Sku", "BT TEA 01", "Sku", "bo.products.error.skuFormat")]
    [InlineData("Form.Sku", "BÁT-TRÀNG-01", "Sku", "bo.products.error.skuFormat")]
    [InlineData("Form.Sku", "", "Sku", "bo.products.error.skuRequired")]
    [InlineData("Form.SizeVi", "", "SizeEn", "bo.products.error.optionNeedsVi")]
    [InlineData("Form.OpeningStock", "-3", "OpeningStock", "bo.products.error.openingStock")]
    public async Task Bad_variant_input_is_refused_with_its_message_and_writes_nothing(string name, string value, string field, string messageKey)
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var product = await site.CreateProductAsync("bat-trang", ProductsArrange.NewSecret());
        var typed = new Dictionary<string, string>
        {
            ["Form.Sku"] = $"BT-{ProductsArrange.NewSecret().ToUpperInvariant()}",
            ["Form.Price"] = "350.000",
            ["Form.SizeVi"] = "Cỡ nhỏ",
            ["Form.SizeEn"] = "Small",
            ["Form.OpeningStock"] = "5",
        };
        typed[name] = value;
        var before = await site.ShopFingerprintAsync();

        using var response = await editor.SubmitAsync($"/backoffice/products/{product.ProductId}/variants/new", "main form", typed);

        await ProductEditingTests.AssertRefusedAsync(response, field, messageKey, typed);
        Assert.Equal(before, await site.ShopFingerprintAsync());
    }

    [Fact]
    public async Task A_sku_another_product_uses_is_refused_whatever_its_case()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var other = await site.CreateProductAsync("van-phuc", ProductsArrange.NewSecret(), category: ProductCategory.Silk);
        var own = await site.CreateProductAsync("bat-trang", ProductsArrange.NewSecret());
        var before = await site.ShopFingerprintAsync();
        var typed = new Dictionary<string, string> { ["Form.Sku"] = other.Sku.ToLowerInvariant(), ["Form.Price"] = "200000" };

        using var added = await editor.SubmitAsync($"/backoffice/products/{own.ProductId}/variants/new", "main form", typed);
        using var edited = await editor.SubmitAsync($"/backoffice/products/variants/{own.Id}", VariantForm, new() { ["Form.Sku"] = other.Sku }, "Save");

        await ProductEditingTests.AssertRefusedAsync(added, "Sku", "bo.products.error.skuTaken", typed);
        await ProductEditingTests.AssertRefusedAsync(edited, "Sku", "bo.products.error.skuTaken", new() { ["Form.Sku"] = other.Sku });
        Assert.Equal(before, await site.ShopFingerprintAsync());
    }

    [Fact]
    public async Task Saving_a_variant_changes_its_prices_and_options_but_never_its_stock()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var variant = await site.CreateProductAsync("bat-trang", ProductsArrange.NewSecret(), price: 450_000, stock: 10);
        var path = $"/backoffice/products/variants/{variant.Id}";
        var form = await editor.ReadFormAsync(path, VariantForm, "Save");
        Assert.Equal(PlacementStatus.Placed, (await site.PlaceOrderAsync(variant.Id, 3)).Status);

        using var response = await editor.PostAsync(form.Action, form.With(new() { ["Form.Price"] = "399,000", ["Form.CompareAt"] = "450.000", ["Form.ColourVi"] = "Men rạn", ["Form.ColourEn"] = "Crackle glaze" }));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await StaffClient.BodyStartAsync(response));
        var saved = await site.VariantAsync(variant.Id);
        Assert.Equal((399_000L, (long?)450_000, "Men rạn", "Crackle glaze", 7, 1), (saved.Price, saved.CompareAtPrice, saved.Colour, saved.ColourEn, saved.Available, saved.Revision));
        Assert.Equal(7, (await site.LedgerAsync(variant.Id)).Sum(e => e.Delta));
    }

    [Fact]
    public async Task The_second_save_of_a_variant_from_the_same_revision_is_refused_keeping_what_was_typed()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var publisher = await site.SignInAsync(BackofficeSite.BatTrangPublisher);
        var variant = await site.CreateProductAsync("bat-trang", ProductsArrange.NewSecret(), price: 450_000);
        var path = $"/backoffice/products/variants/{variant.Id}";
        var first = await editor.ReadFormAsync(path, VariantForm, "Save");
        var second = await publisher.ReadFormAsync(path, VariantForm, "Save");

        using var firstSave = await editor.PostAsync(first.Action, first.With(new() { ["Form.Price"] = "460000" }));
        using var secondSave = await publisher.PostAsync(second.Action, second.With(new() { ["Form.Price"] = "470.000" }));

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Conflict), (firstSave.StatusCode, secondSave.StatusCode));
        var page = Html.Parse(await secondSave.Content.ReadAsStringAsync());
        Assert.Equal(Texts.Get(Cultures.Vietnamese, "bo.products.variant.conflict"), page.QuerySelector("main [role=alert]")?.TextContent.Trim());
        Assert.Equal("470.000", StaffClient.FieldValue(page, "Form.Price"));
        Assert.Equal(460_000, (await site.VariantAsync(variant.Id)).Price);
    }

    [Fact]
    public async Task A_translator_adds_English_options_only()
    {
        var translator = await site.SignInAsync(BackofficeSite.EnglishTranslator);
        var variant = await site.CreateProductAsync("bat-trang", ProductsArrange.NewSecret(), price: 450_000);
        var path = $"/backoffice/products/variants/{variant.Id}";
        var token = await MatrixRequests.TokenAsync(translator);

        using var response = await translator.PostAsync($"{path}?handler=Save", MatrixRequests.Fields(token,
            ("Form.Revision", "0"), ("Form.SizeEn", "Medium"), ("Form.SizeVi", "Đã đổi"), ("Form.Price", "1000"), ("Form.Sku", "HIJACKED")));
        using var add = await translator.GetAsync($"/backoffice/products/{variant.ProductId}/variants/new");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await StaffClient.BodyStartAsync(response));
        var saved = await site.VariantAsync(variant.Id);
        Assert.Equal(("Medium", "Cỡ vừa", 450_000L, variant.Sku), (saved.SizeEn, saved.Size, saved.Price, saved.Sku));
        Assert.Equal("/backoffice/denied", new Uri(new Uri(SiteFactory.BaseUrl), add.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task An_ordered_variant_is_kept_with_an_explanation_and_an_unordered_one_is_removed()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var sold = await site.CreateProductAsync("bat-trang", ProductsArrange.NewSecret());
        var unsold = await site.CreateProductAsync("bat-trang", ProductsArrange.NewSecret());
        Assert.Equal(PlacementStatus.Placed, (await site.PlaceOrderAsync(sold.Id)).Status);

        using var refused = await editor.SubmitAsync($"/backoffice/products/variants/{sold.Id}", "form", [], "Remove");
        var message = await editor.GetDocumentAsync($"/backoffice/products/variants/{sold.Id}");
        using var removed = await editor.SubmitAsync($"/backoffice/products/variants/{unsold.Id}", "form", [], "Remove");

        Assert.Equal($"/backoffice/products/variants/{sold.Id}", refused.Headers.Location?.OriginalString);
        Assert.Equal(Texts.Get(Cultures.Vietnamese, "bo.products.variant.hasOrders"), message.QuerySelector(".bo-flash")?.TextContent.Trim());
        Assert.NotNull(await site.FindVariantAsync(sold.Id));
        Assert.Equal($"/backoffice/products/{unsold.ProductId}", removed.Headers.Location?.OriginalString);
        Assert.Null(await site.FindVariantAsync(unsold.Id));
        Assert.NotNull(await site.FindProductAsync(unsold.ProductId));
        Assert.Single(await site.AuditAsync(AuditActions.VariantRemove, unsold.Sku));
    }
}

public sealed class ProductVariantTestsOnSqlite(SqliteBackofficeSite site) : ProductVariantTests(site), IClassFixture<SqliteBackofficeSite>;

public sealed class ProductVariantTestsOnPostgres(PostgresBackofficeSite site) : ProductVariantTests(site), IClassFixture<PostgresBackofficeSite>;
