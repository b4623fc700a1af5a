using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using VillageCraftPortal.Commerce;
using VillageCraftPortal.Web.Backoffice.Accounts;
using VillageCraftPortal.Web.Backoffice.Audit;
using VillageCraftPortal.Web.Content.Redirects;
using VillageCraftPortal.Web.Content.Scheduling;
using VillageCraftPortal.Web.Content.Storage;
using VillageCraftPortal.Web.Infrastructure.Email;
using VillageCraftPortal.Web.Media;

namespace VillageCraftPortal.Web.Infrastructure.Database;

/// <summary>
/// The site's database. Each provider has a subclass (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>)
/// so that each keeps its own migrations; the model is the same.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<BackofficeUser>(options)
{
    public DbSet<Document> Documents => Set<Document>();

    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();

    public DbSet<DocumentRoute> DocumentRoutes => Set<DocumentRoute>();

    public DbSet<ContentEvent> ContentEvents => Set<ContentEvent>();

    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

    public DbSet<PublicHolidayRow> PublicHolidays => Set<PublicHolidayRow>();

    public DbSet<MediaItem> MediaItems => Set<MediaItem>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ScheduledAction> ScheduledActions => Set<ScheduledAction>();

    public DbSet<RedirectRule> Redirects => Set<RedirectRule>();

    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();

    public DbSet<Search.CatalogueChange> CatalogueChanges => Set<Search.CatalogueChange>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; SQLite hands them back without a kind, PostgreSQL insists on one.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly, t => t.Namespace?.StartsWith("VillageCraftPortal.Web", StringComparison.Ordinal) == true);
        builder.ApplyCommerceModel();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
