using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Site.Tests.Builders;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Site.Tests.Features.Checkout;

/// <summary>
/// The site with an empty catalogue (each test adds its own products) and a bank account for VietQR transfers;
/// <see cref="StripeSettings"/> decides whether card payments are configured. Tests share one site per class and
/// keep apart by their own products and their own browsers (<see cref="Shopper"/>).
/// </summary>
public abstract class ShopSite(DatabaseKind kind, bool withStripe) : IAsyncLifetime
{
    public const string BankBin = "970436";
    public const string AccountNumber = "1023456789";

    private TestDatabase? _database;

    public SiteFactory Factory { get; private set; } = null!;

    public FakeStripe? Stripe { get; private set; }

    public ProductBuilder Products { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Stripe = withStripe ? await FakeStripe.StartAsync() : null;
        _database = await TestDatabase.CreateAsync(kind);
        var settings = new Dictionary<string, string?>
        {
            ["Database:ImportContentOnStartup"] = "false",
            ["BankTransfer:BankBin"] = BankBin,
            ["BankTransfer:BankName"] = "Vietcombank",
            ["BankTransfer:AccountNumber"] = AccountNumber,
            ["BankTransfer:AccountName"] = "TRUNG TAM THU NGHIEM",
        };
        foreach (var (key, value) in Stripe?.Settings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        Factory = new SiteFactory(_database, settings);
        using (var ready = await Factory.CreateReadyClientAsync())
        {
            Products = new ProductBuilder(Factory.Services);
        }
    }

    public async Task DisposeAsync()
    {
        // Null-safe: a fixture whose start failed (e.g. no PostgreSQL) reports that failure, not this one.
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        if (Stripe is not null)
        {
            await Stripe.DisposeAsync();
        }
    }

    /// <summary>A new browser: its own cookies, no redirects followed.</summary>
    public Shopper NewShopper() => new(Factory);

    public async Task<T> InDatabaseAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<List<Order>> OrdersWithAsync(int variantId) =>
        InDatabaseAsync(db => db.Set<Order>().AsNoTracking().Include(o => o.Lines)
            .Where(o => o.Lines.Any(l => l.VariantId == variantId)).OrderBy(o => o.Id).ToListAsync());

    public Task<int> AvailableAsync(int variantId) =>
        InDatabaseAsync(db => db.Set<ProductVariant>().Where(v => v.Id == variantId).Select(v => v.Available).SingleAsync());

    /// <summary>Changes a variant (price, stock) or its product (listed) as staff would.</summary>
    public Task ChangeAsync(int variantId, Action<ProductVariant> change) =>
        InDatabaseAsync(async db =>
        {
            var variant = await db.Set<ProductVariant>().Include(v => v.Product).SingleAsync(v => v.Id == variantId);
            change(variant);
            return await db.SaveChangesAsync();
        });
}

public sealed class SqliteShopSite() : ShopSite(DatabaseKind.Sqlite, withStripe: false);

public sealed class PostgresShopSite() : ShopSite(DatabaseKind.Postgres, withStripe: false);

public sealed class SqliteCardShopSite() : ShopSite(DatabaseKind.Sqlite, withStripe: true);

public sealed class PostgresCardShopSite() : ShopSite(DatabaseKind.Postgres, withStripe: true);
