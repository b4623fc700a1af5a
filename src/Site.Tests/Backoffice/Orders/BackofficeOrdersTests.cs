using System.Net;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Payments.Refunds;
using VillageCraftPortal.Commerce.Stock;
using VillageCraftPortal.Site.Tests.Builders;
using VillageCraftPortal.Site.Tests.Infrastructure;

namespace VillageCraftPortal.Site.Tests.Backoffice.Orders;

/// <summary>
/// Orders in the backoffice: each centre sees and moves only its own parcel; the order follows the slowest centre;
/// money actions (transfer confirmation, refunds, cancellation) belong to those who manage the whole order.
/// </summary>
public abstract class BackofficeOrdersTests(BackofficeSite site)
{
    private readonly ProductBuilder _products = new(site.Factory.Services);
    private readonly OrderBuilder _orders = new(site.Factory.Services);

    [Fact]
    public async Task A_centre_sees_only_its_own_lines_of_an_order_from_two_centres()
    {
        var (order, vase, scarf) = await TwoCentreOrderAsync(PaymentMethod.CashOnDelivery);
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);

        var list = await editor.GetDocumentAsync("/backoffice/orders");
        var detail = await editor.GetDocumentAsync($"/backoffice/orders/{order.Id}");

        Assert.Contains(order.Number, list.Body!.TextContent, StringComparison.Ordinal);
        var text = detail.Body!.TextContent;
        Assert.Contains(vase.Sku, text, StringComparison.Ordinal);
        Assert.DoesNotContain(scarf.Sku, text, StringComparison.Ordinal);
        Assert.DoesNotContain(scarf.Product.NameVi, text, StringComparison.Ordinal);
        Assert.DoesNotContain(order.BuyerEmail, text, StringComparison.Ordinal);
        Assert.Null(detail.QuerySelector("form[action*='handler=Refund'], form[action*='handler=Cancel']"));
        Assert.DoesNotContain("1.690.000", text, StringComparison.Ordinal); // the order's total (both centres and delivery)
    }

    [Fact]
    public async Task Another_centres_order_parcel_slip_and_invoice_are_refused_with_nothing_of_it_shown()
    {
        var vase = await _products.CreateAsync("bat-trang", price: 900_000, stock: 5);
        var order = await _orders.PlaceAsync(PaymentMethod.CashOnDelivery, (vase.Id, 1));
        var fulfilment = await site.QueryAsync(db => db.Set<Fulfilment>().SingleAsync(f => f.OrderId == order.Id));
        var vanPhuc = await site.SignInAsync(BackofficeSite.VanPhucEditor);
        var batTrang = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var token = await vanPhuc.AntiforgeryTokenAsync("/backoffice/orders");

        using var detail = await vanPhuc.GetAsync($"/backoffice/orders/{order.Id}");
        using var slip = await vanPhuc.GetAsync($"/backoffice/orders/{order.Id}/packing-slip/{fulfilment.Id}");
        using var advance = await vanPhuc.PostAsync($"/backoffice/orders/{order.Id}?handler=Advance", Fields(token, ("Form.FulfilmentId", fulfilment.Id), ("Form.To", "Packed"), ("Form.Revision", order.Revision)));
        using var invoice = await batTrang.GetAsync($"/backoffice/orders/{order.Id}/invoice");
        var list = await vanPhuc.GetDocumentAsync("/backoffice/orders");

        Assert.Equal(HttpStatusCode.NotFound, detail.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, slip.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, advance.StatusCode);
        AssertDenied(invoice);
        foreach (var response in new[] { detail, slip, advance, invoice })
        {
            Assert.DoesNotContain(vase.Sku, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(order.Number, list.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Confirmed, (await FulfilmentAsync(fulfilment.Id)).Status);
    }

    [Fact]
    public async Task A_parcel_from_a_shared_order_cannot_be_moved_by_naming_it_in_the_form()
    {
        var (order, _, _) = await TwoCentreOrderAsync(PaymentMethod.CashOnDelivery);
        var vanPhucParcel = await site.QueryAsync(db => db.Set<Fulfilment>().SingleAsync(f => f.OrderId == order.Id && f.VillageCode == "van-phuc"));
        var editor = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var token = await editor.AntiforgeryTokenAsync($"/backoffice/orders/{order.Id}");

        using var forged = await editor.PostAsync($"/backoffice/orders/{order.Id}?handler=Advance",
            Fields(token, ("Form.FulfilmentId", vanPhucParcel.Id), ("Form.To", "Packed"), ("Form.Revision", order.Revision)));

        AssertDenied(forged);
        Assert.Equal(OrderStatus.Confirmed, (await FulfilmentAsync(vanPhucParcel.Id)).Status);
    }

    [Fact]
    public async Task Each_centre_ships_its_parcel_and_the_order_follows_the_slowest()
    {
        var (order, _, _) = await TwoCentreOrderAsync(PaymentMethod.CashOnDelivery);
        var batTrang = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var vanPhuc = await site.SignInAsync(BackofficeSite.VanPhucEditor);
        var parcels = await site.QueryAsync(db => db.Set<Fulfilment>().Where(f => f.OrderId == order.Id).ToDictionaryAsync(f => f.VillageCode, f => f.Id));

        Assert.Equal(HttpStatusCode.Redirect, (await AdvanceAsync(batTrang, order.Id, parcels["bat-trang"])).StatusCode);
        Assert.Equal(OrderStatus.Confirmed, await StatusAsync(order.Id));
        using var withoutTracking = await AdvanceAsync(batTrang, order.Id, parcels["bat-trang"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withoutTracking.StatusCode);
        Assert.Contains("mã vận đơn", await withoutTracking.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await AdvanceAsync(batTrang, order.Id, parcels["bat-trang"], new() { ["Form.Carrier"] = "VNPost", ["Form.TrackingNumber"] = "EB123456789VN" })).StatusCode);
        Assert.Equal(OrderStatus.Confirmed, await StatusAsync(order.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await AdvanceAsync(vanPhuc, order.Id, parcels["van-phuc"])).StatusCode);

        Assert.Equal(OrderStatus.Packed, await StatusAsync(order.Id));
        var shipped = await FulfilmentAsync(parcels["bat-trang"]);
        Assert.Equal((OrderStatus.Shipped, "VNPost", "EB123456789VN"), (shipped.Status, shipped.Carrier, shipped.TrackingNumber));
        Assert.Equal(1, await site.QueryAsync(db => db.Set<OrderNotice>().CountAsync(n => n.OrderId == order.Id && n.Kind == NoticeKind.Shipped && n.FulfilmentId == shipped.Id)));
        var transitions = await site.QueryAsync(db => db.Set<OrderTransition>().Where(t => t.OrderId == order.Id).OrderBy(t => t.Id).Select(t => new { t.FulfilmentId, t.To, t.Actor }).ToListAsync());
        Assert.Equal(
            [(null, OrderStatus.Confirmed), (parcels["bat-trang"], OrderStatus.Packed), (parcels["bat-trang"], OrderStatus.Shipped), (parcels["van-phuc"], OrderStatus.Packed), (null, OrderStatus.Packed)],
            transitions.Select(t => ((int?)t.FulfilmentId, t.To)));
        Assert.Equal(BackofficeSite.BatTrangEditor, transitions[1].Actor);
    }

    [Fact]
    public async Task A_form_shown_before_someone_elses_change_is_refused_with_a_conflict()
    {
        var (order, _, _) = await TwoCentreOrderAsync(PaymentMethod.CashOnDelivery);
        var parcels = await site.QueryAsync(db => db.Set<Fulfilment>().Where(f => f.OrderId == order.Id).ToDictionaryAsync(f => f.VillageCode, f => f.Id));
        var batTrang = await site.SignInAsync(BackofficeSite.BatTrangEditor);
        var vanPhuc = await site.SignInAsync(BackofficeSite.VanPhucEditor);
        var stale = await batTrang.ReadFormAsync($"/backoffice/orders/{order.Id}", $"section[aria-labelledby='parcel-{parcels["bat-trang"]}'] form");

        Assert.Equal(HttpStatusCode.Redirect, (await AdvanceAsync(vanPhuc, order.Id, parcels["van-phuc"])).StatusCode);
        using var conflict = await batTrang.PostAsync(stale.Action, stale.Fields);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(OrderStatus.Confirmed, (await FulfilmentAsync(parcels["bat-trang"])).Status);
    }

    [Theory]
    [InlineData("1.5", "Số tiền phải là số đồng nguyên")]
    [InlineData("12,50", "Số tiền phải là số đồng nguyên")]
    [InlineData("abc", "Số tiền phải là số đồng nguyên")]
    [InlineData("1.000", "Số tiền không khớp tổng đơn hàng")]
    public async Task A_transfer_is_confirmed_only_for_the_exact_total(string typed, string message)
    {
        var vase = await _products.CreateAsync("bat-trang", price: 1_250_000, stock: 5);
        var order = await _orders.PlaceAsync(PaymentMethod.BankTransfer, (vase.Id, 1));
        var admin = await site.SignInAsync(BackofficeSite.Admin);

        using var refused = await admin.SubmitAsync($"/backoffice/orders/{order.Id}", "form", new() { ["Form.Amount"] = typed }, "ConfirmTransfer");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains(message, body, StringComparison.Ordinal);
        Assert.Contains($"value=\"{typed}\"", body, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.PendingPayment, await StatusAsync(order.Id));
    }

    [Fact]
    public async Task Confirming_a_transfer_pays_the_order_and_sells_its_held_stock()
    {
        var vase = await _products.CreateAsync("bat-trang", price: 1_250_000, stock: 5);
        var order = await _orders.PlaceAsync(PaymentMethod.BankTransfer, (vase.Id, 2));
        var admin = await site.SignInAsync(BackofficeSite.Admin);

        using var confirmed = await admin.SubmitAsync($"/backoffice/orders/{order.Id}", "form", new() { ["Form.Amount"] = "2.535.000" }, "ConfirmTransfer");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(OrderStatus.Paid, await StatusAsync(order.Id));
        Assert.All(await site.QueryAsync(db => db.Set<StockReservation>().Where(r => r.OrderId == order.Id).ToListAsync()), r => Assert.Equal(ReservationState.Committed, r.State));
        Assert.Equal(3, (await VariantAsync(vase.Id)).Available);
        Assert.Equal(1, await site.QueryAsync(db => db.Set<OrderNotice>().CountAsync(n => n.OrderId == order.Id && n.Kind == NoticeKind.PaymentConfirmed)));
        Assert.Equal(1, await site.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "order" && a.EntityId == order.Number)));
    }

    [Fact]
    public async Task Cash_refunds_are_recorded_partly_then_fully_and_never_beyond_the_total()
    {
        var vase = await _products.CreateAsync("bat-trang", price: 500_000, stock: 5);
        var order = await _orders.PlaceAsync(PaymentMethod.CashOnDelivery, new Delivery("pickup", 0, null, null, null, null), (vase.Id, 2));
        var admin = await site.SignInAsync(BackofficeSite.Admin);
        var path = $"/backoffice/orders/{order.Id}";
        Assert.Null((await admin.GetDocumentAsync(path)).QuerySelector("form[action*='handler=Refund']"));
        var parcel = await site.QueryAsync(db => db.Set<Fulfilment>().SingleAsync(f => f.OrderId == order.Id));
        foreach (var step in new[] { "Packed", "Shipped", "Delivered" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await AdvanceAsync(admin, order.Id, parcel.Id)).StatusCode);
        }

        using var tooMuch = await admin.SubmitAsync(path, "form", new() { ["Form.Amount"] = "1000001", ["Form.Reason"] = "vỡ" }, "Refund");
        using var noReason = await admin.SubmitAsync(path, "form", new() { ["Form.Amount"] = "300000", ["Form.Reason"] = " " }, "Refund");
        using var part = await admin.SubmitAsync(path, "form", new() { ["Form.Amount"] = "300.000", ["Form.Reason"] = "Một bát bị mẻ" }, "Refund");
        Assert.Equal(OrderStatus.PartiallyRefunded, await StatusAsync(order.Id));
        using var rest = await admin.SubmitAsync(path, "form", new() { ["Form.Amount"] = "700000", ["Form.Reason"] = "Trả lại cả bộ" }, "Refund");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMuch.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, part.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, rest.StatusCode);
        var final = await site.QueryAsync(db => db.Set<Order>().SingleAsync(o => o.Id == order.Id));
        Assert.Equal((OrderStatus.Refunded, 1_000_000L), (final.Status, final.RefundedAmount));
        var refunds = await site.QueryAsync(db => db.Set<Refund>().Where(r => r.OrderId == order.Id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal([(300_000L, RefundChannel.Recorded, RefundState.Succeeded), (700_000L, RefundChannel.Recorded, RefundState.Succeeded)], refunds.Select(r => (r.Amount, r.Channel, r.State)));
        Assert.Equal(2, await site.QueryAsync(db => db.Set<OrderNotice>().CountAsync(n => n.OrderId == order.Id && n.Kind == NoticeKind.Refunded)));
    }

    [Fact]
    public async Task Cancelling_a_cash_order_returns_its_stock_and_a_paid_order_cannot_be_cancelled()
    {
        var vase = await _products.CreateAsync("bat-trang", price: 400_000, stock: 4);
        var cash = await _orders.PlaceAsync(PaymentMethod.CashOnDelivery, (vase.Id, 3));
        var transfer = await _orders.PlaceAsync(PaymentMethod.BankTransfer, (vase.Id, 1));
        var publisher = await site.SignInAsync(BackofficeSite.BatTrangPublisher);
        Assert.Equal(0, (await VariantAsync(vase.Id)).Available);

        using var cancelled = await publisher.SubmitAsync($"/backoffice/orders/{cash.Id}", "form", new() { ["Form.Reason"] = "Khách gọi điện huỷ" }, "Cancel");
        using var paid = await publisher.SubmitAsync($"/backoffice/orders/{transfer.Id}", "form", new() { ["Form.Amount"] = "435000" }, "ConfirmTransfer");
        var paidPage = await publisher.GetDocumentAsync($"/backoffice/orders/{transfer.Id}");

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(OrderStatus.Cancelled, await StatusAsync(cash.Id));
        Assert.Equal(3, (await VariantAsync(vase.Id)).Available);
        Assert.Equal(3, await site.QueryAsync(db => db.Set<StockLedgerEntry>().Where(e => e.VariantId == vase.Id).SumAsync(e => e.Delta)));
        Assert.Equal(1, await site.QueryAsync(db => db.Set<OrderNotice>().CountAsync(n => n.OrderId == cash.Id && n.Kind == NoticeKind.Cancelled)));
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Null(paidPage.QuerySelector("form[action*='handler=Cancel']"));
    }

    [Fact]
    public async Task The_list_pages_by_keyset_through_every_order_once_and_filters_by_status_and_number()
    {
        var cup = await _products.CreateAsync("kim-lan", price: 90_000, stock: 500);
        var placed = new List<Order>();
        for (var i = 0; i < 55; i++)
        {
            placed.Add(await _orders.PlaceAsync(i % 5 == 0 ? PaymentMethod.BankTransfer : PaymentMethod.CashOnDelivery, (cup.Id, 1)));
        }

        var admin = await site.SignInAsync(BackofficeSite.Admin);
        var seen = new List<string>();
        var path = "/backoffice/orders?village=kim-lan";
        for (var pages = 0; path is not null && pages < 10; pages++)
        {
            var page = await admin.GetDocumentAsync(path);
            seen.AddRange(page.QuerySelectorAll("tbody a[href^='/backoffice/orders/']").Select(a => a.TextContent.Trim()));
            path = page.QuerySelector("a[href*='after=']")?.GetAttribute("href") is { } next ? "/backoffice/orders" + next : null;
        }

        var pending = await admin.GetDocumentAsync("/backoffice/orders?village=kim-lan&status=PendingPayment");
        var byNumber = await admin.GetDocumentAsync($"/backoffice/orders?q={placed[7].Number.ToLowerInvariant()}");
        using var garbage = await admin.GetAsync("/backoffice/orders?after=9999999999.x&status=Nope&from=yesterday&payment=%00");

        Assert.Equal(placed.Select(o => o.Number).Reverse(), seen);
        Assert.Equal(11, pending.QuerySelectorAll("tbody tr").Length);
        Assert.Equal([placed[7].Number], byNumber.QuerySelectorAll("tbody a").Select(a => a.TextContent.Trim()));
        Assert.Equal(HttpStatusCode.OK, garbage.StatusCode);
    }

    [Fact]
    public async Task Translators_have_no_order_pages()
    {
        var vase = await _products.CreateAsync("bat-trang", price: 100_000, stock: 2);
        var order = await _orders.PlaceAsync(PaymentMethod.CashOnDelivery, (vase.Id, 1));
        var translator = await site.SignInAsync(BackofficeSite.EnglishTranslator);

        using var list = await translator.GetAsync("/backoffice/orders");
        using var detail = await translator.GetAsync($"/backoffice/orders/{order.Id}");

        Assert.NotEqual(HttpStatusCode.OK, list.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, detail.StatusCode);
        Assert.DoesNotContain(vase.Sku, await detail.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<(Order Order, ProductVariant Vase, ProductVariant Scarf)> TwoCentreOrderAsync(PaymentMethod payment)
    {
        var vase = await _products.CreateAsync("bat-trang", price: 1_250_000, stock: 5);
        var scarf = await _products.CreateAsync("van-phuc", price: 405_000, stock: 5, ProductCategory.Silk);
        var order = await _orders.PlaceAsync(payment, (vase.Id, 1), (scarf.Id, 1));
        vase.Product = await site.QueryAsync(db => db.Set<Product>().SingleAsync(p => p.Id == vase.ProductId));
        scarf.Product = await site.QueryAsync(db => db.Set<Product>().SingleAsync(p => p.Id == scarf.ProductId));
        return (order, vase, scarf);
    }

    /// <summary>The cookie scheme sends a forbidden browser to the denied page.</summary>
    private static void AssertDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/backoffice/denied", response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString.Split('?')[0]);
    }

    private static Task<HttpResponseMessage> AdvanceAsync(StaffClient staff, int orderId, int parcelId, Dictionary<string, string>? fields = null) =>
        staff.SubmitAsync($"/backoffice/orders/{orderId}", $"section[aria-labelledby='parcel-{parcelId}'] form", fields ?? [], "Advance");

    private static List<KeyValuePair<string, string>> Fields(string token, params (string Name, object Value)[] fields) =>
        [new(StaffClient.AntiforgeryField, token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, Convert.ToString(f.Value, System.Globalization.CultureInfo.InvariantCulture)!))];

    private Task<OrderStatus> StatusAsync(int orderId) => site.QueryAsync(db => db.Set<Order>().Where(o => o.Id == orderId).Select(o => o.Status).SingleAsync());

    private Task<Fulfilment> FulfilmentAsync(int id) => site.QueryAsync(db => db.Set<Fulfilment>().AsNoTracking().SingleAsync(f => f.Id == id));

    private Task<ProductVariant> VariantAsync(int id) => site.QueryAsync(db => db.Set<ProductVariant>().AsNoTracking().SingleAsync(v => v.Id == id));
}

public sealed class BackofficeOrdersTestsOnSqlite(SqliteBackofficeSite site) : BackofficeOrdersTests(site), IClassFixture<SqliteBackofficeSite>;

public sealed class BackofficeOrdersTestsOnPostgres(PostgresBackofficeSite site) : BackofficeOrdersTests(site), IClassFixture<PostgresBackofficeSite>;
