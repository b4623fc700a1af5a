using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VillageCraftPortal.Commerce.Cart;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Site.Tests.Builders;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Site.Tests.Commerce.Cart;

/// <summary>
/// The cart's rules on a real database: lines merge, quantities stay within 1–99 and the stock, and every review
/// tells what changed in the catalogue (price, stock, off sale) once, then records it.
/// </summary>
public abstract class CartServiceTests(DatabaseKind kind) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(SeededSite.FixedNow);
    private ServiceHarness _services = null!;
    private ProductBuilder _products = null!;

    public async Task InitializeAsync()
    {
        _services = await ServiceHarness.CreateAsync(kind, _clock);
        _products = new ProductBuilder(_services.Services);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Adding_the_same_variant_again_merges_into_one_line()
    {
        var vase = await _products.CreateAsync("bat-trang", price: 1_250_000, stock: 10);

        var first = await CartAsync(c => c.AddAsync(null, vase.Id, 2));
        var second = await CartAsync(c => c.AddAsync(first.CartId, vase.Id, 3));

        Assert.Equal((CartAddStatus.Added, CartAddStatus.Added), (first.Status, second.Status));
        Assert.Equal(first.CartId, second.CartId);
        var line = Assert.Single((await ReviewAsync(first.CartId)).Lines);
        Assert.Equal((vase.Id, 5, 6_250_000L), (line.Variant.Id, line.Quantity, line.LineTotal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100)]
    public async Task Quantities_outside_one_to_ninety_nine_are_refused_and_make_no_cart(int quantity)
    {
        var vase = await _products.CreateAsync("bat-trang", price: 100_000, stock: 500);

        var result = await CartAsync(c => c.AddAsync(null, vase.Id, quantity));

        Assert.Equal((CartAddStatus.InvalidQuantity, (Guid?)null), (result.Status, result.CartId));
        Assert.Equal(0, await _services.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<VillageCraftPortal.Commerce.Cart.Cart>().CountAsync()));
    }

    [Fact]
    public async Task Merging_stops_at_ninety_nine_and_at_the_stock()
    {
        var plenty = await _products.CreateAsync("bat-trang", price: 100_000, stock: 500);
        var few = await _products.CreateAsync("van-phuc", price: 380_000, stock: 4, ProductCategory.Silk);
        var cart = (await CartAsync(c => c.AddAsync(null, plenty.Id, 60))).CartId;

        var capped = await CartAsync(c => c.AddAsync(cart, plenty.Id, 60));
        var limited = await CartAsync(c => c.AddAsync(cart, few.Id, 6));

        Assert.Equal((CartAddStatus.LimitedToMaximum, 99), (capped.Status, capped.Quantity));
        Assert.Equal((CartAddStatus.LimitedByStock, 4), (limited.Status, limited.Quantity));
        Assert.Equal(CartLineStatus.InvalidQuantity, await CartAsync(c => c.UpdateAsync(cart, plenty.Id, 100)));
        Assert.Equal(CartLineStatus.LimitedByStock, await CartAsync(c => c.UpdateAsync(cart, few.Id, 9)));
        Assert.Equal([99, 4], (await ReviewAsync(cart)).Lines.Select(l => l.Quantity));
    }

    [Fact]
    public async Task Unknown_unlisted_and_sold_out_variants_are_not_added()
    {
        var unlisted = await _products.CreateAsync("ha-thai", price: 900_000, stock: 5, ProductCategory.Lacquer);
        var soldOut = await _products.CreateAsync("kim-lan", price: 250_000, stock: 0);
        await InDbAsync(async db =>
        {
            var product = await db.Set<ProductVariant>().Where(v => v.Id == unlisted.Id).Select(v => v.Product).SingleAsync();
            product.IsListed = false;
            await db.SaveChangesAsync();
        });

        Assert.Equal(CartAddStatus.UnknownVariant, (await CartAsync(c => c.AddAsync(null, 987_654, 1))).Status);
        Assert.Equal(CartAddStatus.NotListed, (await CartAsync(c => c.AddAsync(null, unlisted.Id, 1))).Status);
        Assert.Equal(CartAddStatus.SoldOut, (await CartAsync(c => c.AddAsync(null, soldOut.Id, 1))).Status);
    }

    [Fact]
    public async Task Update_and_remove_change_only_lines_that_are_in_the_cart()
    {
        var vase = await _products.CreateAsync("bat-trang", price: 1_250_000, stock: 10);
        var scarf = await _products.CreateAsync("van-phuc", price: 380_000, stock: 10, ProductCategory.Silk);
        var cart = (await CartAsync(c => c.AddAsync(null, vase.Id, 1))).CartId;

        Assert.Equal(CartLineStatus.Updated, await CartAsync(c => c.UpdateAsync(cart, vase.Id, 7)));
        Assert.Equal(CartLineStatus.NotInCart, await CartAsync(c => c.UpdateAsync(cart, scarf.Id, 2)));
        Assert.Equal(CartLineStatus.NoCart, await CartAsync(c => c.UpdateAsync(Guid.NewGuid(), vase.Id, 2)));
        Assert.Equal(7, Assert.Single((await ReviewAsync(cart)).Lines).Quantity);

        Assert.Equal(CartLineStatus.Removed, await CartAsync(c => c.RemoveAsync(cart, vase.Id)));
        Assert.Equal(CartLineStatus.NotInCart, await CartAsync(c => c.RemoveAsync(cart, vase.Id)));
        Assert.True((await ReviewAsync(cart)).IsEmpty);
    }

    [Fact]
    public async Task A_price_change_is_told_once_with_the_old_and_new_price()
    {
        var vase = await _products.CreateAsync("bat-trang", price: 1_250_000, stock: 10);
        var cart = (await CartAsync(c => c.AddAsync(null, vase.Id, 2))).CartId;
        await ChangeAsync(vase.Id, v => v.Price = 1_390_000);

        var review = await ReviewAsync(cart);
        var again = await ReviewAsync(cart);

        var change = Assert.Single(review.Changes);
        Assert.Equal((CartChangeKind.PriceChanged, 1_250_000L, 1_390_000L), (change.Kind, change.OldPrice, change.NewPrice));
        Assert.Equal(2_780_000, review.Subtotal);
        Assert.Empty(again.Changes);
    }

    [Fact]
    public async Task Less_stock_than_wanted_lowers_the_quantity_and_none_left_flags_the_line()
    {
        var vase = await _products.CreateAsync("bat-trang", price: 1_250_000, stock: 10);
        var scarf = await _products.CreateAsync("van-phuc", price: 380_000, stock: 10, ProductCategory.Silk);
        var cart = (await CartAsync(c => c.AddAsync(null, vase.Id, 6))).CartId;
        await CartAsync(c => c.AddAsync(cart, scarf.Id, 2));
        await ChangeAsync(vase.Id, v => v.Available = 3);
        await ChangeAsync(scarf.Id, v => v.Available = 0);

        var review = await ReviewAsync(cart);

        Assert.Equal(
            [(CartChangeKind.QuantityReduced, vase.Id, 6, 3), (CartChangeKind.SoldOut, scarf.Id, 2, 0)],
            review.Changes.Select(c => (c.Kind, c.VariantId, c.OldQuantity, c.NewQuantity)));
        Assert.Equal([3, 2], review.Lines.Select(l => l.Quantity));
        Assert.True(review.Lines[1].IsSoldOut);
        Assert.False(review.CanCheckOut);
        Assert.Equal(3_750_000, review.Subtotal);
    }

    [Fact]
    public async Task A_product_taken_off_sale_is_removed_and_said_so()
    {
        var vase = await _products.CreateAsync("bat-trang", price: 1_250_000, stock: 10);
        var scarf = await _products.CreateAsync("van-phuc", price: 380_000, stock: 10, ProductCategory.Silk);
        var cart = (await CartAsync(c => c.AddAsync(null, vase.Id, 1))).CartId;
        await CartAsync(c => c.AddAsync(cart, scarf.Id, 1));
        await ChangeAsync(vase.Id, v => v.Product.IsListed = false);

        var review = await ReviewAsync(cart);

        var change = Assert.Single(review.Changes);
        Assert.Equal((CartChangeKind.NoLongerListed, vase.Id), (change.Kind, change.VariantId));
        Assert.Equal(vase.Sku, change.Variant!.Sku);
        Assert.Equal([scarf.Id], review.Lines.Select(l => l.Variant.Id));
        Assert.Empty((await ReviewAsync(cart)).Changes);
    }

    [Fact]
    public async Task A_cart_lives_thirty_days_after_its_last_activity()
    {
        var vase = await _products.CreateAsync("bat-trang", price: 1_250_000, stock: 10);
        var cart = (await CartAsync(c => c.AddAsync(null, vase.Id, 1))).CartId;

        _clock.Advance(TimeSpan.FromDays(29));
        Assert.False((await ReviewAsync(cart)).IsEmpty);
        _clock.Advance(TimeSpan.FromDays(29));
        Assert.False((await ReviewAsync(cart)).IsEmpty);
        _clock.Advance(TimeSpan.FromDays(30));

        Assert.Equal(CartReview.None, await ReviewAsync(cart));
        Assert.Equal(CartLineStatus.NoCart, await CartAsync(c => c.UpdateAsync(cart, vase.Id, 2)));
        var fresh = await CartAsync(c => c.AddAsync(cart, vase.Id, 1));
        Assert.NotEqual(cart, fresh.CartId);
    }

    private Task<T> CartAsync<T>(Func<CartService, Task<T>> work) =>
        _services.InScopeAsync(sp => work(sp.GetRequiredService<CartService>()));

    private Task<CartReview> ReviewAsync(Guid? cart) => CartAsync(c => c.ReviewAsync(cart));

    private Task ChangeAsync(int variantId, Action<ProductVariant> change) => InDbAsync(async db =>
    {
        change(await db.Set<ProductVariant>().Include(v => v.Product).SingleAsync(v => v.Id == variantId));
        await db.SaveChangesAsync();
    });

    private Task InDbAsync(Func<AppDbContext, Task> work) => _services.InScopeAsync(sp => work(sp.GetRequiredService<AppDbContext>()));
}

public sealed class SqliteCartServiceTests() : CartServiceTests(DatabaseKind.Sqlite);

public sealed class PostgresCartServiceTests() : CartServiceTests(DatabaseKind.Postgres);
