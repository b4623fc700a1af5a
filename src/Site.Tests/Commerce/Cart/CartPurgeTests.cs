using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VillageCraftPortal.Commerce.Cart;
using VillageCraftPortal.Site.Tests.Builders;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Infrastructure.Database;
using ShopCart = VillageCraftPortal.Commerce.Cart.Cart;

namespace VillageCraftPortal.Site.Tests.Commerce.Cart;

/// <summary>The purge job's pass: expired carts (more than one batch of them) go with their lines; live ones stay.</summary>
public abstract class CartPurgeTests(DatabaseKind kind) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(SeededSite.FixedNow);
    private ServiceHarness _services = null!;

    public async Task InitializeAsync() => _services = await ServiceHarness.CreateAsync(kind, _clock);

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task A_pass_deletes_every_cart_past_its_expiry_in_batches_and_keeps_the_others()
    {
        var vase = await new ProductBuilder(_services.Services).CreateAsync("bat-trang", price: 1_250_000, stock: 10);
        var start = _clock.GetUtcNow().UtcDateTime;
        var abandoned = CartCleanup.BatchSize + 120;
        await InDbAsync(db =>
        {
            for (var i = 0; i < abandoned; i++)
            {
                db.Add(NewCart(start, vase.Id));
            }

            return db.SaveChangesAsync();
        });
        var used = await _services.InScopeAsync(sp => sp.GetRequiredService<CartService>().AddAsync(null, vase.Id, 1));
        _clock.Advance(TimeSpan.FromDays(20));
        var recent = await _services.InScopeAsync(sp => sp.GetRequiredService<CartService>().AddAsync(null, vase.Id, 1));
        await _services.InScopeAsync(sp => sp.GetRequiredService<CartService>().ReviewAsync(used.CartId));

        _clock.Advance(TimeSpan.FromDays(15));
        var deleted = await _services.Get<CartPurge>().PurgeOnceAsync(CancellationToken.None);

        Assert.Equal(abandoned, deleted);
        var left = await InDbAsync(db => db.Set<ShopCart>().Select(c => c.Id).ToListAsync());
        Assert.Equal(new[] { used.CartId!.Value, recent.CartId!.Value }.Order(), left.Order());
        Assert.Equal(2, await InDbAsync(db => db.Set<CartLine>().CountAsync()));
        Assert.Equal(0, await _services.Get<CartPurge>().PurgeOnceAsync(CancellationToken.None));
    }

    private static ShopCart NewCart(DateTime at, int variantId)
    {
        var cart = new ShopCart { Id = Guid.NewGuid(), CreatedAt = at, Lines = [new CartLine { VariantId = variantId, Quantity = 1, SeenUnitPrice = 1, AddedAt = at }] };
        cart.Touch(at);
        return cart;
    }

    private Task<T> InDbAsync<T>(Func<AppDbContext, Task<T>> work) => _services.InScopeAsync(sp => work(sp.GetRequiredService<AppDbContext>()));
}

public sealed class SqliteCartPurgeTests() : CartPurgeTests(DatabaseKind.Sqlite);

public sealed class PostgresCartPurgeTests() : CartPurgeTests(DatabaseKind.Postgres);
