using System.ComponentModel.DataAnnotations;

namespace VillageCraftPortal.Web.Infrastructure.Database;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the site starts (the <c>migrate</c> verb does it on demand).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Import umbraco-content when the site starts and the database holds no content yet.</summary>
    public bool ImportContentOnStartup { get; set; } = true;

    [Range(1, 600)]
    public int CommandTimeoutSeconds { get; set; } = 30;
}
