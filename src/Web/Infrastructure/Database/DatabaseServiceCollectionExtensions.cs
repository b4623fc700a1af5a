using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace VillageCraftPortal.Web.Infrastructure.Database;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AppDbContext"/> for the configured provider: SQLite (the embedded default, a file under
    /// DataDir) or PostgreSQL (ConnectionStrings:Default).
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration, DataDirectory dataDirectory)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Default");

        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:Default is empty. Set it, e.g. ConnectionStrings__Default=\"Host=localhost;Database=villagecraft;Username=...\".");
                }

                var tuned = PostgresConnection(connectionString);
                services.AddDbContext<AppDbContext, PostgresAppDbContext>(o =>
                    o.UseNpgsql(tuned, n => n.CommandTimeout(options.CommandTimeoutSeconds)).AddInterceptors(Search.CatalogueChangeRecorder.Instance));
                break;
            default:
                connectionString = string.IsNullOrWhiteSpace(connectionString)
                    ? $"Data Source={Path.Combine(dataDirectory.Database, "site.db")};Default Timeout={options.CommandTimeoutSeconds}"
                    : connectionString;
                var gate = new SqliteWriteGate(TimeSpan.FromSeconds(options.CommandTimeoutSeconds));
                services.AddDbContext<AppDbContext, SqliteAppDbContext>(o =>
                    o.UseSqlite(connectionString, s => s.CommandTimeout(options.CommandTimeoutSeconds)).AddInterceptors(gate, new SqliteConnectionSettings(), Search.CatalogueChangeRecorder.Instance));
                break;
        }

        services.AddScoped<DatabaseMigrator>();
        return services;
    }

    /// <summary>
    /// Npgsql settings for a site that opens a pooled connection per query, unless the connection string sets them:
    /// no DISCARD ALL each time a connection goes back to the pool (the site keeps no session state), the frequent
    /// statements prepared once per connection instead of parsed and planned every time, and a pool sized to the
    /// machine (<see cref="DefaultPoolSize"/>) rather than Npgsql's 100.
    /// </summary>
    /// <summary>
    /// Four connections per core, at least eight. A busy checkout has more requests in flight than the server has
    /// cores; letting each run its own PostgreSQL backend at once only makes them take turns on the CPU while holding
    /// row locks. Queueing for a pooled connection instead gave about 30 % more cash-on-delivery orders per second at
    /// 32 buyers on a 2-core machine (128 against 98 on average, two interleaved pairs; bench/RESULTS.md).
    /// </summary>
    public static int DefaultPoolSize => Math.Max(8, 4 * Environment.ProcessorCount);

    public static string PostgresConnection(string connectionString)
    {
        // Npgsql's own builder answers ContainsKey for every keyword it knows; the plain one, for the keys written.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!written.ContainsKey("No Reset On Close") && !written.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!written.ContainsKey("Max Auto Prepare") && !written.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!written.ContainsKey("Maximum Pool Size") && !written.ContainsKey("MaxPoolSize"))
        {
            builder.MaxPoolSize = DefaultPoolSize;
        }

        return builder.ConnectionString;
    }
}

/// <summary>Used by <c>dotnet ef migrations add … --context SqliteAppDbContext</c>.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Used by <c>dotnet ef migrations add … --context PostgresAppDbContext</c>.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
