using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VillageCraftPortal.Web.Backoffice.Accounts;
using VillageCraftPortal.Web.Backoffice.Audit;

namespace VillageCraftPortal.Web.Backoffice;

internal sealed class BackofficeUserConfiguration : IEntityTypeConfiguration<BackofficeUser>
{
    public void Configure(EntityTypeBuilder<BackofficeUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.PreferredCulture).HasMaxLength(8);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.Action, a.At });
        builder.HasIndex(a => new { a.UserName, a.At });
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(50);
        builder.Property(a => a.EntityType).HasMaxLength(50);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.Property(a => a.Summary).HasMaxLength(2000);
        builder.Property(a => a.IpAddress).HasMaxLength(64);
    }
}
