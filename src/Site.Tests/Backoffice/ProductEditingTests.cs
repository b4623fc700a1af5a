using System.Net;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Backoffice.Audit;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Site.Tests.Backoffice;

/// <summary>
/// Creating and editing products through the pages: what is saved, what is refused with which message (every typed
/// value kept and nothing written), a conflicting save (409), and a translator who changes English only.
/// </summary>
public abstract class ProductEditingTests(BackofficeSite site)
{
    public const string ProductForm = "form[data-product-form]";

    private static readonly UiTexts Texts = new();

    public static Dictionary<string, string> Valid(string secret) => new()
    {
        ["Form.Category"] = ProductCategory.Ceramics,
        ["Form.NameVi"] = $"Ấm chén men lam {secret}",
        ["Form.NameEn"] = $"Blue glaze tea set {secret}",
        ["Form.DescriptionVi"] = "Bộ ấm sáu chén.\nVẽ tay men lam.",
        ["Form.DescriptionEn"] = "A teapot and six cups.\nHand-painted in cobalt blue.",
        ["Form.MaterialsVi"] = "Gốm sứ",
        ["Form.MaterialsEn"] = "Porcelain",
        ["Form.Dimensions"] = "Ấm cao 12 cm",
        ["Form.Weight"] = "850",
        ["Form.OcopStars"] = "4",
        ["Form.OcopNumber"] = "123/QĐ-UBND",
        ["Form.OcopIssued"] = "2025-03-15",
    };

    [Fact]
    public async Task An_editor_creates_a_product_in_their_village_with_the_certificate_expiry_worked_out()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var secret = ProductsArrange.NewSecret();

        using var response = await editor.SubmitAsync("/backoffice/products/new", ProductForm, Valid(secret));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await StaffClient.BodyStartAsync(response));
        var id = int.Parse(response.Headers.Location!.OriginalString["/backoffice/products/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var product = await site.ProductAsync(id);
        Assert.Equal(("bat-trang", $"Blue glaze tea set {secret}", "Bộ ấm sáu chén.\nVẽ tay men lam.", 850, true), (product.VillageCode, product.NameEn, product.DescriptionVi, product.WeightGrams, product.IsListed));
        Assert.Equal((4, "123/QĐ-UBND", new DateOnly(2025, 3, 15), new DateOnly(2028, 3, 15)), (product.OcopStars, product.OcopCertificateNumber, product.OcopIssuedOn, product.OcopExpiresOn));
        Assert.StartsWith("bat-trang-blue-glaze-tea-set-", product.Alias, StringComparison.Ordinal);
        var audit = Assert.Single(await site.AuditAsync(AuditActions.ProductCreate, product.Alias));
        Assert.Equal(BackofficeSite.BatTrangEditor, audit.UserName);
    }

    [Theory]
    [InlineData("Form.NameVi", "", "NameVi", "bo.products.error.nameViRequired")]
    [InlineData("Form.NameVi", "   ", "NameVi", "bo.products.error.nameViRequired")]
    [InlineData("Form.Weight", "0", "Weight", "bo.products.error.weight")]
    [InlineData("Form.Weight", "nặng", "Weight", "bo.products.error.weight")]
    [InlineData("Form.Category", "plastic", "Category", "bo.products.error.category")]
    [InlineData("Form.OcopStars", "6", "OcopStars", "bo.products.error.ocopStars")]
    [InlineData("Form.OcopIssued", "2027-01-01", "OcopIssued", "bo.products.error.ocopIssuedFuture")]
    [InlineData("Form.OcopIssued", "15/03/2025", "OcopIssued", "bo.products.error.date")]
    [InlineData("Form.OcopExpires", "2025-01-01", "OcopExpires", "bo.products.error.ocopExpires")]
    [InlineData("Form.OcopExpires", "2028-03-16", "OcopExpires", "bo.products.error.ocopExpires")]
    [InlineData("Form.OcopNumber", "", "OcopNumber", "bo.products.error.ocopCertificate")]
    public async Task Bad_input_is_refused_with_its_message_keeping_what_was_typed(string name, string value, string field, string messageKey)
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var secret = ProductsArrange.NewSecret();
        var typed = Valid(secret);
        typed[name] = value;

        using var response = await editor.SubmitAsync("/backoffice/products/new", ProductForm, typed);

        await AssertRefusedAsync(response, field, messageKey, typed);
        Assert.False(await site.QueryAsync(db => db.Set<Product>().AnyAsync(p => p.NameEn.Contains(secret))));
    }

    [Fact]
    public async Task An_image_from_another_villages_library_is_refused()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var secret = ProductsArrange.NewSecret();
        var vanPhucImage = await site.QueryAsync(db => db.MediaItems.Where(m => m.Folder == "van-phuc").Select(m => m.Alias ?? m.Key.ToString()).FirstAsync());
        var form = await editor.ReadFormAsync("/backoffice/products/new", ProductForm);

        using var response = await editor.PostAsync(form.Action, [.. form.With(Valid(secret)), new("Form.Images", vanPhucImage)]);

        await AssertRefusedAsync(response, "Images", "bo.products.error.image", Valid(secret));
        Assert.False(await site.QueryAsync(db => db.Set<Product>().AnyAsync(p => p.NameEn.Contains(secret))));
    }

    [Fact]
    public async Task A_village_outside_the_scope_forged_into_the_form_is_not_found_and_creates_nothing()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var secret = ProductsArrange.NewSecret();
        var before = await site.ShopFingerprintAsync();
        var typed = Valid(secret);
        typed["Form.Village"] = "van-phuc";

        using var response = await editor.SubmitAsync("/backoffice/products/new", ProductForm, typed);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await site.ShopFingerprintAsync());
    }

    [Fact]
    public async Task Saving_changes_texts_details_and_listing_and_leaves_stock_to_the_ledger()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var variant = await site.CreateProductAsync("bat-trang", ProductsArrange.NewSecret(), stock: 10);
        var path = $"/backoffice/products/{variant.ProductId}";
        var form = await editor.ReadFormAsync(path, ProductForm, "Save");
        Assert.Equal(PlacementOk, (await site.PlaceOrderAsync(variant.Id, 2)).Status);

        using var response = await editor.PostAsync(form.Action, form.With(new() { ["Form.NameEn"] = "Renamed vase", ["Form.Weight"] = "1200", ["Form.OcopStars"] = "5", ["Form.OcopNumber"] = "45/QĐ", ["Form.OcopIssued"] = "2024-06-01", ["Form.OcopExpires"] = "2027-05-31" })
            .Where(f => f.Key != "Form.Listed"));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await StaffClient.BodyStartAsync(response));
        var product = await site.ProductAsync(variant.ProductId);
        Assert.Equal(("Renamed vase", false, 1, 1200, new DateOnly(2027, 5, 31)), (product.NameEn, product.IsListed, product.Revision, product.WeightGrams, product.OcopExpiresOn));
        Assert.Equal(8, (await site.VariantAsync(variant.Id)).Available);
        Assert.Equal(8, (await site.LedgerAsync(variant.Id)).Sum(e => e.Delta));
        Assert.Single(await site.AuditAsync(AuditActions.ProductEdit, product.Alias));
        Assert.Equal("unlisted", Assert.Single(await site.AuditAsync(AuditActions.ProductListing, product.Alias)).Summary);
    }

    [Fact]
    public async Task A_weight_with_a_decimal_point_is_refused_not_read_as_thousands()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var variant = await site.CreateProductAsync("bat-trang", ProductsArrange.NewSecret());
        var path = $"/backoffice/products/{variant.ProductId}";

        using var response = await editor.SubmitAsync(path, ProductForm, new() { ["Form.Weight"] = "1.5" }, "Save");

        await AssertRefusedAsync(response, "Weight", "bo.products.error.weight", new() { ["Form.Weight"] = "1.5" });
        Assert.Equal(500, (await site.ProductAsync(variant.ProductId)).WeightGrams);
    }

    [Fact]
    public async Task The_second_save_from_the_same_revision_is_refused_and_loses_nothing()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var publisher = await site.SignInAsync(BackofficeSite.BatTrangPublisher);
        var variant = await site.CreateProductAsync("bat-trang", ProductsArrange.NewSecret());
        var path = $"/backoffice/products/{variant.ProductId}";
        var first = await editor.ReadFormAsync(path, ProductForm, "Save");
        var second = await publisher.ReadFormAsync(path, ProductForm, "Save");
        var typed = new Dictionary<string, string> { ["Form.NameEn"] = "Second person's name", ["Form.CareVi"] = "Rửa bằng tay" };

        using var firstSave = await editor.PostAsync(first.Action, first.With(new() { ["Form.NameEn"] = "First person's name" }));
        using var secondSave = await publisher.PostAsync(second.Action, second.With(typed));

        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondSave.StatusCode);
        var page = Html.Parse(await secondSave.Content.ReadAsStringAsync());
        Assert.Equal(Texts.Get(Cultures.Vietnamese, "bo.products.conflict"), page.QuerySelector("main [role=alert]")?.TextContent.Trim());
        Assert.All(typed, t => Assert.Equal(t.Value, StaffClient.FieldValue(page, t.Key)));
        var saved = await site.ProductAsync(variant.ProductId);
        Assert.Equal(("First person's name", (string?)null, 1), (saved.NameEn, saved.CareVi, saved.Revision));

        // Saving the page that came back replaces the first change, as its message says.
        var again = StaffClient.FieldsOf(StaffClient.FindForm(page, ProductForm, "Save"));
        using var deliberate = await publisher.PostAsync(second.Action, again);
        Assert.Equal(HttpStatusCode.Redirect, deliberate.StatusCode);
        Assert.Equal(("Second person's name", "Rửa bằng tay"), ((await site.ProductAsync(variant.ProductId)).NameEn, (await site.ProductAsync(variant.ProductId)).CareVi));
    }

    [Fact]
    public async Task A_translator_changes_the_English_texts_only_whatever_the_form_posts()
    {
        var translator = await site.SignInAsync(BackofficeSite.EnglishTranslator);
        var admin = await site.SignInAsync(BackofficeSite.Admin);
        var variant = await site.CreateProductAsync("van-phuc", ProductsArrange.NewSecret(), category: ProductCategory.Silk);
        var path = $"/backoffice/products/{variant.ProductId}";
        var before = await site.ProductAsync(variant.ProductId);
        var page = await translator.GetDocumentAsync(path);
        var adminForm = await admin.ReadFormAsync(path, ProductForm, "Save");
        var token = await MatrixRequests.TokenAsync(translator);

        using var response = await translator.PostAsync(adminForm.Action, adminForm.With(new()
        {
            [StaffClient.AntiforgeryField] = token,
            ["Form.NameVi"] = "Tên do người dịch sửa",
            ["Form.NameEn"] = "Silk scarf, translated",
            ["Form.Weight"] = "1",
            ["Form.Listed"] = "false",
        }));

        Assert.True(page.QuerySelector("[name='Form.NameVi']")!.HasAttribute("disabled"));
        Assert.True(page.QuerySelector("[name='Form.Weight']")!.HasAttribute("disabled"));
        Assert.False(page.QuerySelector("[name='Form.NameEn']")!.HasAttribute("disabled"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await site.ProductAsync(variant.ProductId);
        Assert.Equal(("Silk scarf, translated", before.NameVi, before.WeightGrams, true), (after.NameEn, after.NameVi, after.WeightGrams, after.IsListed));
    }

    [Fact]
    public async Task A_product_nobody_ordered_is_deleted_and_an_ordered_one_is_kept()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var unsold = await site.CreateProductAsync("bat-trang", ProductsArrange.NewSecret());
        var sold = await site.CreateProductAsync("bat-trang", ProductsArrange.NewSecret());
        Assert.Equal(PlacementOk, (await site.PlaceOrderAsync(sold.Id)).Status);

        using var deleted = await editor.SubmitAsync($"/backoffice/products/{unsold.ProductId}", "form", [], "Delete");
        using var refused = await editor.SubmitAsync($"/backoffice/products/{sold.ProductId}", "form", [], "Delete");
        var message = await editor.GetDocumentAsync($"/backoffice/products/{sold.ProductId}");

        Assert.Equal(("/backoffice/products", $"/backoffice/products/{sold.ProductId}"), (deleted.Headers.Location?.OriginalString, refused.Headers.Location?.OriginalString));
        Assert.Null(await site.FindProductAsync(unsold.ProductId));
        Assert.Empty(await site.LedgerAsync(unsold.Id));
        Assert.NotNull(await site.FindProductAsync(sold.ProductId));
        Assert.Equal(Texts.Get(Cultures.Vietnamese, "bo.products.deleteHasOrders"), message.QuerySelector(".bo-flash")?.TextContent.Trim());
    }

    private const VillageCraftPortal.Commerce.Orders.PlacementStatus PlacementOk = VillageCraftPortal.Commerce.Orders.PlacementStatus.Placed;

    /// <summary>422, the field's message in Vietnamese (never a raw key), linked from the summary, and the typed values back.</summary>
    public static async Task AssertRefusedAsync(HttpResponseMessage response, string field, string messageKey, Dictionary<string, string> typed)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {body[..Math.Min(800, body.Length)]}");
        var page = Html.Parse(body);
        var message = Texts.Get(Cultures.Vietnamese, messageKey);
        Assert.NotEqual(messageKey, message);
        Assert.Contains(message, page.QuerySelector($"#field-{field}-error")?.TextContent ?? "(no error shown)", StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"main [role=alert] a[href='#field-{field}']"));
        Assert.All(typed.Where(t => !t.Key.StartsWith("__", StringComparison.Ordinal) && page.QuerySelector($"[name='{t.Key}']") is not null && t.Key != "Form.Category"),
            t => Assert.Equal(t.Value.Trim(), StaffClient.FieldValue(page, t.Key)?.Trim()));
    }
}

public sealed class ProductEditingTestsOnSqlite(SqliteBackofficeSite site) : ProductEditingTests(site), IClassFixture<SqliteBackofficeSite>;

public sealed class ProductEditingTestsOnPostgres(PostgresBackofficeSite site) : ProductEditingTests(site), IClassFixture<PostgresBackofficeSite>;
