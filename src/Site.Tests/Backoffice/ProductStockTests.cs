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
/// Staff stock changes: each one a conditional update written to the ledger with the staff member as actor, never
/// below zero, a count refused when stock moved since the page showed it, and the books balanced (ledger deltas sum
/// to what is available) while orders take stock at the same moment.
/// </summary>
public abstract class ProductStockTests(BackofficeSite site)
{
    private static readonly UiTexts Texts = new();

    [Fact]
    public async Task A_change_is_applied_and_written_to_the_ledger_with_the_staff_member_and_the_audit_log()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var variant = await site.CreateProductAsync("bat-trang", ProductsArrange.NewSecret(), stock: 10);

        using var received = await editor.SubmitAsync(StockPath(variant), "form", new() { ["Change.Change"] = "+12", ["Change.Reason"] = "Received", ["Change.Note"] = "Lô hàng tháng 12" }, "Change");
        using var damaged = await editor.SubmitAsync(StockPath(variant), "form", new() { ["Change.Change"] = "-2", ["Change.Reason"] = "Damaged" }, "Change");

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (received.StatusCode, damaged.StatusCode));
        Assert.Equal(20, (await site.VariantAsync(variant.Id)).Available);
        var ledger = await site.LedgerAsync(variant.Id);
        Assert.Equal(
            [(12, StockReason.Received, BackofficeSite.BatTrangEditor, "Lô hàng tháng 12"), (-2, StockReason.Damaged, BackofficeSite.BatTrangEditor, (string?)null)],
            ledger.Skip(1).Select(e => (e.Delta, e.Reason, e.Actor, e.Note)));
        Assert.Equal(20, ledger.Sum(e => e.Delta));
        Assert.Equal(2, (await site.AuditAsync(AuditActions.StockAdjust, variant.Sku)).Count);
        var page = await editor.GetDocumentAsync(StockPath(variant));
        Assert.Equal([ledger[2].Id, ledger[1].Id, ledger[0].Id], page.QuerySelectorAll("tr[data-entry]").Select(r => long.Parse(r.GetAttribute("data-entry")!, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Taking_more_than_there_is_is_refused_and_changes_nothing()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var variant = await site.CreateProductAsync("bat-trang", ProductsArrange.NewSecret(), stock: 3);
        var before = await site.ShopFingerprintAsync();

        using var response = await editor.SubmitAsync(StockPath(variant), "form", new() { ["Change.Change"] = "-4", ["Change.Reason"] = "Damaged" }, "Change");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Texts.Get(Cultures.Vietnamese, "bo.products.stock.notEnough", 3), page.QuerySelector("main p[role=alert]")?.TextContent.Trim());
        Assert.Equal("-4", StaffClient.FieldValue(page, "Change.Change"));
        Assert.Equal(before, await site.ShopFingerprintAsync());
    }

    [Theory]
    [InlineData("+3", "Damaged", "Change", "bo.products.error.damagedSign")]
    [InlineData("-3", "Received", "Change", "bo.products.error.addedSign")]
    [InlineData("0", "Correction", "Change", "bo.products.error.change")]
    [InlineData("2.5", "Correction", "Change", "bo.products.error.change")]
    [InlineData("5", "Reserved", "Reason", "bo.products.error.reason")]
    public async Task Changes_that_make_no_sense_are_refused_with_a_message(string change, string reason, string field, string messageKey)
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var variant = await site.CreateProductAsync("bat-trang", ProductsArrange.NewSecret(), stock: 10);
        var before = await site.ShopFingerprintAsync();
        var token = await MatrixRequests.TokenAsync(editor);

        using var response = await editor.PostAsync($"{StockPath(variant)}?handler=Change", MatrixRequests.Fields(token, ("Change.Change", change), ("Change.Reason", reason)));

        await ProductEditingTests.AssertRefusedAsync(response, field, messageKey, new() { ["Change.Change"] = change });
        Assert.Equal(before, await site.ShopFingerprintAsync());
    }

    [Fact]
    public async Task A_count_sets_the_stock_and_records_the_difference()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var variant = await site.CreateProductAsync("bat-trang", ProductsArrange.NewSecret(), stock: 10);

        using var response = await editor.SubmitAsync(StockPath(variant), "form", new() { ["Count.Counted"] = "7", ["Count.Note"] = "Kiểm kê cuối tháng" }, "Count");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(7, (await site.VariantAsync(variant.Id)).Available);
        var entry = (await site.LedgerAsync(variant.Id))[^1];
        Assert.Equal((-3, StockReason.Counted, BackofficeSite.BatTrangEditor), (entry.Delta, entry.Reason, entry.Actor));
    }

    [Fact]
    public async Task A_count_made_while_an_order_took_stock_is_refused_instead_of_overwriting_the_order()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var variant = await site.CreateProductAsync("bat-trang", ProductsArrange.NewSecret(), stock: 10);
        var form = await editor.ReadFormAsync(StockPath(variant), "form", "Count");
        Assert.Equal(PlacementStatus.Placed, (await site.PlaceOrderAsync(variant.Id, 4)).Status);

        using var response = await editor.PostAsync(form.Action, form.With(new() { ["Count.Counted"] = "10" }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Texts.Get(Cultures.Vietnamese, "bo.products.stock.changedMeanwhile", 6), page.QuerySelector("main p[role=alert]")?.TextContent.Trim());
        Assert.Equal(("10", "6"), (StaffClient.FieldValue(page, "Count.Counted"), StaffClient.FieldValue(page, "Count.Shown")));
        Assert.Equal(6, (await site.VariantAsync(variant.Id)).Available);
        Assert.DoesNotContain(await site.LedgerAsync(variant.Id), e => e.Reason == StockReason.Counted);
    }

    [Fact]
    public async Task Changes_racing_with_orders_keep_the_books_balanced_and_never_go_below_zero()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var variant = await site.CreateProductAsync("bat-trang", ProductsArrange.NewSecret(), stock: 10);
        var token = await MatrixRequests.TokenAsync(editor);
        var path = $"{StockPath(variant)}?handler=Change";

        var orders = Enumerable.Range(0, 24).Select(_ => Task.Run(() => site.PlaceOrderAsync(variant.Id))).ToList();
        var changes = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            using var response = await editor.PostAsync(path, MatrixRequests.Fields(token, ("Change.Change", i % 2 == 0 ? "+1" : "-2"), ("Change.Reason", i % 2 == 0 ? "Received" : "Damaged")));
            return response.StatusCode;
        })).ToList();
        await Task.WhenAll([.. orders, .. changes]);

        Assert.All(changes, c => Assert.Contains(c.Result, new[] { HttpStatusCode.Redirect, HttpStatusCode.UnprocessableEntity }));
        var available = (await site.VariantAsync(variant.Id)).Available;
        var ledger = await site.LedgerAsync(variant.Id);
        var placed = orders.Count(o => o.Result.Status == PlacementStatus.Placed);
        var received = ledger.Count(e => e.Reason == StockReason.Received);
        var damaged = ledger.Count(e => e.Reason == StockReason.Damaged);
        Assert.True(available >= 0);
        Assert.Equal(available, ledger.Sum(e => e.Delta));
        Assert.Equal(10 - placed + received - (2 * damaged), available);
        Assert.Equal(placed, ledger.Count(e => e.Reason == StockReason.Reserved));
        Assert.Equal(changes.Count(c => c.Result == HttpStatusCode.Redirect), received + damaged);
        Assert.Equal(placed, await site.QueryAsync(db => db.Set<OrderLine>().CountAsync(l => l.VariantId == variant.Id)));
    }

    [Fact]
    public async Task The_ledger_pages_newest_first_by_id()
    {
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var variant = await site.CreateProductAsync("bat-trang", ProductsArrange.NewSecret(), stock: 1);
        await site.QueryAsync(async db =>
        {
            db.AddRange(Enumerable.Range(0, 54).Select(i => new StockLedgerEntry { VariantId = variant.Id, Delta = 0, Reason = StockReason.Committed, Actor = "test", Note = $"entry {i}", At = DateTime.UtcNow }));
            return await db.SaveChangesAsync();
        });
        var ids = (await site.LedgerAsync(variant.Id)).Select(e => e.Id).OrderDescending().ToList();

        var first = await editor.GetDocumentAsync(StockPath(variant));
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await editor.GetDocumentAsync(StockPath(variant) + next);

        Assert.Equal(ids, [.. Entries(first), .. Entries(second)]);
        Assert.Equal(50, Entries(first).Count);
        Assert.Null(second.QuerySelector("a[rel=next]"));
    }

    private static string StockPath(ProductVariant variant) => $"/backoffice/products/variants/{variant.Id}/stock";

    private static List<long> Entries(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("tr[data-entry]").Select(r => long.Parse(r.GetAttribute("data-entry")!, System.Globalization.CultureInfo.InvariantCulture))];
}

public sealed class ProductStockTestsOnSqlite(SqliteBackofficeSite site) : ProductStockTests(site), IClassFixture<SqliteBackofficeSite>;

public sealed class ProductStockTestsOnPostgres(PostgresBackofficeSite site) : ProductStockTests(site), IClassFixture<PostgresBackofficeSite>;
