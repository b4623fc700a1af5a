using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Site.Tests.Builders;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Site.Tests.Features.Products;

/// <summary>
/// The site with the seed content (villages, centres, images) whose products each test replaces with its own: <see
/// cref="ResetAsync"/> takes every product off sale, so a test sees only what it arranged. The clock is the seeded
/// site's (Tuesday 1 December 2026, 09:30 in Hà Nội).
/// </summary>
public abstract class StorefrontSite(DatabaseKind kind) : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 12, 1);

    public DatabaseKind Kind { get; } = kind;

    public SiteFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public CatalogueBuilder Catalogue { get; private set; } = null!;

    private TestDatabase Database { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(Kind);
        Factory = new SiteFactory(Database, clock: new FakeTimeProvider(SeededSite.FixedNow));
        Client = await Factory.CreateReadyClientAsync();
        Catalogue = new CatalogueBuilder(Factory.Services);
    }

    /// <summary>Takes every product off sale (the seed's and earlier tests').</summary>
    public async Task ResetAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Product>()
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.IsListed, false));
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class SqliteStorefrontSite() : StorefrontSite(DatabaseKind.Sqlite);

public sealed class PostgresStorefrontSite() : StorefrontSite(DatabaseKind.Postgres);

[CollectionDefinition(Name)]
public sealed class SqliteStorefrontGroup : ICollectionFixture<SqliteStorefrontSite>
{
    public const string Name = "storefront on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresStorefrontGroup : ICollectionFixture<PostgresStorefrontSite>
{
    public const string Name = "storefront on PostgreSQL";
}
