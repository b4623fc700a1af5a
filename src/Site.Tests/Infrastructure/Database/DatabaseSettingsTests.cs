using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Site.Tests.Infrastructure.Database;

/// <summary>The connection settings the site adds to what it is configured with.</summary>
public sealed class DatabaseSettingsTests
{
    [Fact]
    public void PostgreSQL_connections_skip_the_reset_and_prepare_statements_unless_told_otherwise()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseServiceCollectionExtensions.PostgresConnection("Host=db;Database=villagecraft;Username=site"));

        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.Equal(Math.Max(8, 4 * Environment.ProcessorCount), tuned.MaxPoolSize);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("villagecraft", tuned.Database);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false;Max Auto Prepare=0;Maximum Pool Size=300")]
    [InlineData("Host=db;NoResetOnClose=false;MaxAutoPrepare=0;MaxPoolSize=300")]
    public void PostgreSQL_settings_written_in_the_connection_string_win(string configured)
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseServiceCollectionExtensions.PostgresConnection(configured));

        Assert.False(tuned.NoResetOnClose);
        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.Equal(300, tuned.MaxPoolSize);
    }

    [Fact]
    public async Task The_site_s_SQLite_connections_sync_the_log_at_checkpoints_only()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var factory = new SiteFactory(database);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        await db.Database.OpenConnectionAsync();

        Assert.Equal(1L, await PragmaAsync(db, "synchronous")); // NORMAL
        Assert.Equal("wal", await PragmaAsync(db, "journal_mode"));
    }

    private static async Task<object?> PragmaAsync(AppDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return await command.ExecuteScalarAsync();
    }
}
