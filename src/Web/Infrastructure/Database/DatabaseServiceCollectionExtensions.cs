using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

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

                services.AddDbContext<AppDbContext, PostgresAppDbContext>(o =>
                    o.UseNpgsql(connectionString, n => n.CommandTimeout(options.CommandTimeoutSeconds)));
                break;
            default:
                connectionString = string.IsNullOrWhiteSpace(connectionString)
                    ? $"Data Source={Path.Combine(dataDirectory.Database, "site.db")};Default Timeout={options.CommandTimeoutSeconds}"
                    : connectionString;
                services.AddDbContext<AppDbContext, SqliteAppDbContext>(o =>
                    o.UseSqlite(connectionString, s => s.CommandTimeout(options.CommandTimeoutSeconds)));
                break;
        }

        services.AddScoped<DatabaseMigrator>();
        return services;
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
