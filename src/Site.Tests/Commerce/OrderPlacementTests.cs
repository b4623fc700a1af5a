using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Stock;
using VillageCraftPortal.Site.Tests.Builders;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Site.Tests.Commerce;

/// <summary>Placing orders: prices from the catalogue, one fulfilment per centre, and no overselling, on each database.</summary>
public abstract class OrderPlacementTests(DatabaseKind kind) : IAsyncLifetime
{
    private ServiceHarness _services = null!;
    private ProductBuilder _products = null!;

    public async Task InitializeAsync()
    {
        _services = await ServiceHarness.CreateAsync(kind);
        _products = new ProductBuilder(_services.Services);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Two_hundred_buyers_at_once_for_ten_in_stock_make_exactly_ten_orders()
    {
        var variant = await _products.CreateAsync("bat-trang", price: 450_000, stock: 10);

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => PlaceAsync(Request(i, PaymentMethod.CashOnDelivery, (variant.Id, 1))))));

        Assert.Equal(10, results.Count(r => r.Status == PlacementStatus.Placed));
        Assert.Equal(190, results.Count(r => r.Status == PlacementStatus.OutOfStock));
        var (available, ledger, orders, committed) = await _services.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (
                await db.Set<ProductVariant>().Where(v => v.Id == variant.Id).Select(v => v.Available).SingleAsync(),
                await db.Set<StockLedgerEntry>().Where(e => e.VariantId == variant.Id).SumAsync(e => e.Delta),
                await db.Set<Order>().CountAsync(),
                await db.Set<StockReservation>().Where(r => r.State == ReservationState.Committed).SumAsync(r => r.Quantity));
        });
        Assert.Equal((0, 0, 10, 10), (available, ledger, orders, committed));
    }

    [Fact]
    public async Task An_order_from_two_centres_has_one_fulfilment_each_and_prices_from_the_catalogue()
    {
        var vase = await _products.CreateAsync("bat-trang", price: 1_250_000, stock: 5);
        var scarf = await _products.CreateAsync("van-phuc", price: 380_000, stock: 5, ProductCategory.Silk);

        var result = await PlaceAsync(Request(1, PaymentMethod.BankTransfer, (vase.Id, 2), (scarf.Id, 1)) with { Delivery = new("nationwide", 45_000, "ha-noi", "Phường Hoàn Kiếm", "1 Tràng Tiền", null) });

        Assert.True(result.Succeeded, result.Status.ToString());
        var order = await _services.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Order>()
            .Include(o => o.Lines).Include(o => o.Fulfilments).SingleAsync(o => o.Id == result.Order!.Id));
        Assert.Matches(@"^VCP-20\d\d-\d{6}$", order.Number);
        Assert.Equal(OrderStatus.PendingPayment, order.Status);
        Assert.Equal(["bat-trang", "van-phuc"], order.Fulfilments.Select(f => f.VillageCode).Order());
        Assert.All(order.Lines, l => Assert.Equal(l.VillageCode, order.Fulfilments.Single(f => f.Id == l.FulfilmentId).VillageCode));
        Assert.Equal((2_880_000L, 2_925_000L), (order.Subtotal, order.Total));
        Assert.Equal(265_909, order.VatIncluded);
        Assert.Equal(2, await _services.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<StockReservation>()
            .CountAsync(r => r.OrderId == order.Id && r.State == ReservationState.Held && r.ExpiresAt != null)));
        var notices = await _services.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<OrderNotice>()
            .Where(n => n.OrderId == order.Id).Select(n => new { n.Kind, n.SentAt }).ToListAsync());
        Assert.Equal([new { Kind = NoticeKind.Received, SentAt = (DateTime?)null }], notices);
    }

    [Fact]
    public async Task When_one_line_runs_out_nothing_is_held_and_no_order_is_left_behind()
    {
        var plenty = await _products.CreateAsync("bat-trang", price: 100_000, stock: 50);
        var last = await _products.CreateAsync("ha-thai", price: 900_000, stock: 1, ProductCategory.Lacquer);

        var result = await PlaceAsync(Request(1, PaymentMethod.CashOnDelivery, (plenty.Id, 3), (last.Id, 2)));

        Assert.Equal((PlacementStatus.OutOfStock, last.Sku), (result.Status, result.Sku));
        var (available, orders, ledger) = await _services.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (await db.Set<ProductVariant>().Where(v => v.Id == plenty.Id).Select(v => v.Available).SingleAsync(),
                await db.Set<Order>().CountAsync(), await db.Set<StockLedgerEntry>().CountAsync(e => e.Reason != StockReason.Adjusted));
        });
        Assert.Equal((50, 0, 0), (available, orders, ledger));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100)]
    public async Task Quantities_outside_one_to_ninety_nine_are_refused(int quantity)
    {
        var variant = await _products.CreateAsync("bat-trang", price: 100_000, stock: 500);

        var result = await PlaceAsync(Request(1, PaymentMethod.CashOnDelivery, (variant.Id, quantity)));

        Assert.Equal(PlacementStatus.InvalidQuantity, result.Status);
    }

    [Fact]
    public async Task Empty_and_unknown_products_are_refused()
    {
        Assert.Equal(PlacementStatus.Empty, (await PlaceAsync(Request(1, PaymentMethod.CashOnDelivery))).Status);
        Assert.Equal(PlacementStatus.UnknownProduct, (await PlaceAsync(Request(1, PaymentMethod.CashOnDelivery, (987_654, 1)))).Status);
    }

    [Fact]
    public async Task A_catalogue_read_by_the_caller_prices_the_order_but_must_hold_every_line_and_only_listed_products()
    {
        var vase = await _products.CreateAsync("bat-trang", price: 1_250_000, stock: 5);
        var scarf = await _products.CreateAsync("van-phuc", price: 380_000, stock: 5, ProductCategory.Silk);
        var read = await _services.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<ProductVariant>().AsNoTracking()
            .Include(v => v.Product).Where(v => v.Id == vase.Id || v.Id == scarf.Id).ToDictionaryAsync(v => v.Id));
        // The price the buyer was shown and confirmed, which the catalogue has since raised.
        read[vase.Id].Price = 1_200_000;

        var placed = await PlaceAsync(Request(1, PaymentMethod.CashOnDelivery, (vase.Id, 1), (scarf.Id, 1)) with { Catalogue = read.Values });
        var missing = await PlaceAsync(Request(2, PaymentMethod.CashOnDelivery, (vase.Id, 1), (scarf.Id, 1)) with { Catalogue = [read[vase.Id]] });
        read[scarf.Id].Product.IsListed = false;
        var unlisted = await PlaceAsync(Request(3, PaymentMethod.CashOnDelivery, (vase.Id, 1), (scarf.Id, 1)) with { Catalogue = read.Values });

        Assert.True(placed.Succeeded, placed.Status.ToString());
        Assert.Equal([1_200_000L, 380_000L], placed.Order!.Lines.OrderBy(l => l.VariantId == scarf.Id).Select(l => l.UnitPrice));
        Assert.Equal(1_580_000, placed.Order.Total);
        Assert.Equal((PlacementStatus.UnknownProduct, PlacementStatus.UnknownProduct), (missing.Status, unlisted.Status));
        var available = await _services.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<ProductVariant>()
            .Where(v => v.Id == vase.Id || v.Id == scarf.Id).Select(v => v.Available).ToListAsync());
        Assert.Equal([4, 4], available);
    }

    private Task<PlacementResult> PlaceAsync(OrderRequest request) =>
        _services.InScopeAsync(sp => sp.GetRequiredService<OrderPlacement>().PlaceAsync(request));

    private static OrderRequest Request(int buyer, PaymentMethod payment, params (int Variant, int Quantity)[] lines) => new(
        [.. lines.Select(l => new OrderRequestLine(l.Variant, l.Quantity))],
        payment,
        new Buyer($"Khách {buyer}", $"buyer{buyer}@test.local", "0912345678"),
        new Delivery("pickup", 0, null, null, null, null),
        "vi");
}

public sealed class SqliteOrderPlacementTests() : OrderPlacementTests(DatabaseKind.Sqlite);

public sealed class PostgresOrderPlacementTests() : OrderPlacementTests(DatabaseKind.Postgres);
