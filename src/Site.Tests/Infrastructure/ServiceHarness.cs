using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VillageCraftPortal.Commerce;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Features.Orders;
using VillageCraftPortal.Web.Infrastructure;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Infrastructure.Email;
using VillageCraftPortal.Web.Infrastructure.Startup;
using VillageCraftPortal.Web.Media;

namespace VillageCraftPortal.Site.Tests.Infrastructure;

/// <summary>
/// The site's content, media and email services on a test database, without the web host: for tests of publishing,
/// import and the email outbox that need a real database but not HTTP.
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

    /// <param name="settings">Configuration for the services, e.g. <see cref="SmtpListener.Settings"/>.</param>
    public static async Task<ServiceHarness> CreateAsync(
        DatabaseKind kind, TimeProvider? clock = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(kind);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings()).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var dataDirectory = new DataDirectory(database.DataDirectory);
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(clock ?? TimeProvider.System)
            .AddSingleton(dataDirectory)
            .AddSingleton<IConfiguration>(configuration)
            // Background services are never started here; the tests run their passes directly.
            .AddSingleton<StartupState>();
        // As the site registers it: the SQLite write queue and the connection settings included.
        services.AddDatabase(configuration, dataDirectory);
        services.AddContent().AddMedia().AddEmail(configuration).AddCommerce<AppDbContext>().AddOrderEmails();
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
