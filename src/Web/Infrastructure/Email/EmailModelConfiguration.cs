using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VillageCraftPortal.Web.Infrastructure.Email;

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.HasIndex(e => new { e.SentAt, e.NextAttemptAt });
        builder.Property(e => e.To).HasMaxLength(320);
        builder.Property(e => e.Subject).HasMaxLength(500);
        builder.Property(e => e.LastError).HasMaxLength(2000);
        builder.HasMany(e => e.Attachments).WithOne().HasForeignKey(a => a.OutboxEmailId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboxAttachmentConfiguration : IEntityTypeConfiguration<OutboxAttachment>
{
    public void Configure(EntityTypeBuilder<OutboxAttachment> builder)
    {
        builder.ToTable("OutboxAttachments");
        builder.Property(a => a.ContentId).HasMaxLength(EmailOutbox.MaxContentIdLength);
        builder.Property(a => a.FileName).HasMaxLength(EmailOutbox.MaxFileNameLength);
        builder.Property(a => a.MediaType).HasMaxLength(50);
    }
}
