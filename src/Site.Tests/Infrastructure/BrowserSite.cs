using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace VillageCraftPortal.Site.Tests.Infrastructure;

/// <summary>The seeded site served over a real socket, and <see cref="Chromium"/> to visit it.</summary>
public sealed class BrowserSite : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Chromium _chromium = null!;

    public SiteFactory Factory { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser => _chromium.Browser;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        Factory = new SiteFactory(_database, clock: new FakeTimeProvider(SeededSite.FixedNow));
        BaseAddress = await Factory.StartKestrelAsync();
        _chromium = await Chromium.LaunchAsync();
    }

    public Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null) => _chromium.NewPageAsync(options);

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await Factory.DisposeAsync();
        await _database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserSite>
{
    public const string Name = "browser";
}
