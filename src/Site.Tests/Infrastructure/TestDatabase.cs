using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Site.Tests.Infrastructure;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A fresh, migrated database for one fixture or test, with its own data directory. Both kinds are cloned from a
/// template migrated once per run (a file copy for SQLite, CREATE DATABASE … TEMPLATE for PostgreSQL), so every
/// test starts from an empty schema and never sees another test's rows.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>Admin connection string of the PostgreSQL server that ./test.sh starts.</summary>
    public const string PostgresVariable = "VCP_TEST_POSTGRES";

    private static readonly string RunRoot = Path.Combine(Path.GetTempPath(), "vcp-tests", Guid.NewGuid().ToString("N")[..8]);
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _sqliteTemplate;
    private static string? _postgresTemplate;

    private TestDatabase(DatabaseKind kind, string connectionString, string dataDirectory, string? postgresName)
    {
        Kind = kind;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
        PostgresName = postgresName;
    }

    public DatabaseKind Kind { get; }

    public string ConnectionString { get; }

    public string DataDirectory { get; }

    private string? PostgresName { get; }

    public static string PostgresAdmin =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"PostgreSQL tests need a server: run ./test.sh (it starts one), or set {PostgresVariable} to an admin connection string.");

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind)
    {
        var dataDirectory = Path.Combine(RunRoot, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        if (kind == DatabaseKind.Sqlite)
        {
            var template = await SqliteTemplateAsync();
            var file = Path.Combine(dataDirectory, "site.db");
            File.Copy(template, file);
            return new TestDatabase(kind, $"Data Source={file};Default Timeout=30", dataDirectory, null);
        }

        var templateName = await PostgresTemplateAsync();
        var name = "vcp_t_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAdminAsync($"CREATE DATABASE {name} TEMPLATE {templateName}");
        var builder = new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name, MaxPoolSize = 40 };
        return new TestDatabase(kind, builder.ConnectionString, dataDirectory, name);
    }

    /// <summary>Settings for the site under test: this database, this data directory.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("DataDir", DataDirectory),
        new("Database:Provider", Kind.ToString()),
        new("ConnectionStrings:Default", ConnectionString),
    ];

    public AppDbContext CreateContext() => Kind == DatabaseKind.Sqlite
        ? new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(ConnectionString).Options)
        : new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(ConnectionString).Options);

    public async ValueTask DisposeAsync()
    {
        if (PostgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAdminAsync($"DROP DATABASE IF EXISTS {PostgresName} WITH (FORCE)");
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a background thread; the run folder is temporary anyway.
        }
    }

    private static async Task<string> SqliteTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_sqliteTemplate is null)
            {
                Directory.CreateDirectory(RunRoot);
                var file = Path.Combine(RunRoot, "template.db");
                var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options;
                await using (var db = new SqliteAppDbContext(options))
                {
                    await db.Database.MigrateAsync();
                }

                _sqliteTemplate = file;
            }

            return _sqliteTemplate;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task<string> PostgresTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_postgresTemplate is null)
            {
                var name = "vcp_template_" + Guid.NewGuid().ToString("N")[..8];
                await ExecuteAdminAsync($"CREATE DATABASE {name}");
                var builder = new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name, Pooling = false };
                var options = new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(builder.ConnectionString).Options;
                await using (var db = new PostgresAppDbContext(options))
                {
                    await db.Database.MigrateAsync();
                }

                _postgresTemplate = name;
            }

            return _postgresTemplate;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresAdmin) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
