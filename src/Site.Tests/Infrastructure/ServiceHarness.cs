using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Infrastructure;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Media;

namespace VillageCraftPortal.Site.Tests.Infrastructure;

/// <summary>
/// The site's content services on a test database, without the web host: for tests of publishing and import that
/// need a real database but not HTTP.
/// </summary>
public sealed class ServiceHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private ServiceHarness(TestDatabase database, ServiceProvider provider)
    {
        Database = database;
        _provider = provider;
    }

    public TestDatabase Database { get; }

    public IServiceProvider Services => _provider;

    public static async Task<ServiceHarness> CreateAsync(DatabaseKind kind, TimeProvider? clock = null)
    {
        var database = await TestDatabase.CreateAsync(kind);
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(clock ?? TimeProvider.System)
            .AddSingleton(new DataDirectory(database.DataDirectory))
            .AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        if (kind == DatabaseKind.Sqlite)
        {
            services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o.UseSqlite(database.ConnectionString));
        }
        else
        {
            services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => o.UseNpgsql(database.ConnectionString));
        }

        services.AddContent().AddMedia();
        return new ServiceHarness(database, services.BuildServiceProvider(validateScopes: true));
    }

    /// <summary>Runs work in its own scope (its own DbContext), as a request would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work) =>
        InScopeAsync(async sp =>
        {
            await work(sp);
            return true;
        });

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Database.DisposeAsync();
    }
}
