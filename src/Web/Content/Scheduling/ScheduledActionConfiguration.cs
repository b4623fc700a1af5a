using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VillageCraftPortal.Web.Content.Redirects;
using VillageCraftPortal.Web.Content.Storage;

namespace VillageCraftPortal.Web.Content.Scheduling;

internal sealed class ScheduledActionConfiguration : IEntityTypeConfiguration<ScheduledAction>
{
    public void Configure(EntityTypeBuilder<ScheduledAction> builder)
    {
        builder.HasIndex(a => new { a.Status, a.DueAt });
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.CreatedBy).HasMaxLength(200);
        builder.Property(a => a.Error).HasMaxLength(2000);
        builder.HasOne<Document>().WithMany().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RedirectRuleConfiguration : IEntityTypeConfiguration<RedirectRule>
{
    public void Configure(EntityTypeBuilder<RedirectRule> builder)
    {
        builder.HasIndex(r => r.FromPath).IsUnique();
        builder.Property(r => r.FromPath).HasMaxLength(500);
        builder.Property(r => r.TargetUrl).HasMaxLength(1000);
        builder.Property(r => r.TargetCulture).HasMaxLength(8);
        builder.Property(r => r.CreatedBy).HasMaxLength(200);
    }
}
