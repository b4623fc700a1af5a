using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VillageCraftPortal.Web.Backoffice.Accounts;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Site.Tests.Infrastructure;

/// <summary>
/// The seeded site with staff accounts made the way an administrator makes them (through
/// <see cref="UserAdministration"/>), and a signed-in client per account. Tests that change content use their own
/// fixture, so no test depends on what another left behind.
/// </summary>
public class BackofficeSite(DatabaseKind kind) : IAsyncLifetime
{
    public const string Password = "a long test passphrase 2026";

    public const string Admin = "admin@test.local";
    public const string BatTrangEditor = "editor.bat-trang@test.local";
    public const string BatTrangPublisher = "publisher.bat-trang@test.local";
    public const string VanPhucEditor = "editor.van-phuc@test.local";
    public const string EnglishTranslator = "translator.en@test.local";

    private readonly Dictionary<string, StaffClient> _clients = new(StringComparer.Ordinal);
    private TestDatabase _database = null!;
    private StaffClient? _guest;

    public DatabaseKind Kind { get; } = kind;

    public FakeTimeProvider Clock { get; } = new(SeededSite.FixedNow);

    public SiteFactory Factory { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>The standard cast of the authorisation tests.</summary>
    public static IReadOnlyDictionary<string, UserAccess> Staff { get; } = new Dictionary<string, UserAccess>(StringComparer.Ordinal)
    {
        [Admin] = new([BackofficeRoles.Administrator], [], []),
        [BatTrangEditor] = new([BackofficeRoles.Editor], ["bat-trang"], []),
        [BatTrangPublisher] = new([BackofficeRoles.Editor, BackofficeRoles.Publisher], ["bat-trang"], []),
        [VanPhucEditor] = new([BackofficeRoles.Editor], ["van-phuc"], []),
        [EnglishTranslator] = new([BackofficeRoles.Translator], [], ["en"]),
    };

    public virtual async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Kind);
        Factory = CreateFactory(_database);
        Anonymous = await StartAsync(Factory);
        foreach (var (email, access) in Staff)
        {
            await CreateUserAsync(email, access);
        }
    }

    protected virtual SiteFactory CreateFactory(TestDatabase database) => new(database, clock: Clock);

    /// <summary>Starts the site (in memory by default) and returns an anonymous client once it is ready.</summary>
    protected virtual Task<HttpClient> StartAsync(SiteFactory factory) => factory.CreateReadyClientAsync();

    /// <summary>A visitor who is not signed in (keeping cookies, not following redirects).</summary>
    public StaffClient Guest => _guest ??= NewClient();

    /// <summary>
    /// Stops the site and starts it again on the same database and data directory, as a deployment or a crash
    /// would: everything in memory (snapshot, timers, rate limits, signed-in clients) is gone, the data stays.
    /// </summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        Factory = CreateFactory(_database);
        Anonymous = await StartAsync(Factory);
    }

    public async Task CreateUserAsync(string email, UserAccess access, string password = Password)
    {
        using var scope = Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var result = await users.CreateAsync(new NewUser(email, email, access, password), "test");
        Assert.True(result.Succeeded, $"{email}: {result.Status} {string.Join(", ", result.Errors)}");
    }

    /// <summary>A client signed in as this user through the sign-in form (cached: sign-in is rate limited).</summary>
    public async Task<StaffClient> SignInAsync(string email)
    {
        if (_clients.TryGetValue(email, out var existing))
        {
            return existing;
        }

        var client = NewClient();
        await client.SignInAsync(email, Password);
        _clients[email] = client;
        return client;
    }

    public virtual StaffClient NewClient() =>
        new(Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(SiteFactory.BaseUrl), HandleCookies = true }));

    /// <summary>The database id of a seeded document by its umbraco-content key, e.g. "centre-bat-trang".</summary>
    public async Task<int> DocumentIdAsync(string alias)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Documents.Where(d => d.Alias == alias).Select(d => d.Id).SingleAsync();
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public virtual async Task DisposeAsync()
    {
        await StopAsync();
        await _database.DisposeAsync();
    }

    private async Task StopAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        _clients.Clear();
        _guest?.Dispose();
        _guest = null;
        Anonymous.Dispose();
        await Factory.DisposeAsync();
    }
}

public sealed class SqliteBackofficeSite() : BackofficeSite(DatabaseKind.Sqlite);

public sealed class PostgresBackofficeSite() : BackofficeSite(DatabaseKind.Postgres);
