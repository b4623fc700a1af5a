using Microsoft.Extensions.Time.Testing;

namespace VillageCraftPortal.Site.Tests.Infrastructure;

/// <summary>
/// The site with the real umbraco-content imported, shared by read-only tests of one database kind. The clock is
/// fixed (a Tuesday morning in Hà Nội) so that "open now" is deterministic.
/// </summary>
public abstract class SeededSite(DatabaseKind kind) : IAsyncLifetime
{
    /// <summary>Tuesday 1 December 2026, 09:30 in Hà Nội (02:30 UTC).</summary>
    public static readonly DateTimeOffset FixedNow = new(2026, 12, 1, 2, 30, 0, TimeSpan.Zero);

    public DatabaseKind Kind { get; } = kind;

    public FakeTimeProvider Clock { get; } = new(FixedNow);

    public SiteFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    private TestDatabase Database { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(Kind);
        Factory = new SiteFactory(Database, clock: Clock);
        Client = await Factory.CreateReadyClientAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class SqliteSeededSite() : SeededSite(DatabaseKind.Sqlite);

public sealed class PostgresSeededSite() : SeededSite(DatabaseKind.Postgres);

[CollectionDefinition(Name)]
public sealed class SqliteSeededGroup : ICollectionFixture<SqliteSeededSite>
{
    public const string Name = "seeded site on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresSeededGroup : ICollectionFixture<PostgresSeededSite>
{
    public const string Name = "seeded site on PostgreSQL";
}
