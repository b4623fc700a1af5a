using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VillageCraftPortal.Web.Media;

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> builder)
    {
        builder.HasIndex(m => m.Key).IsUnique();
        builder.HasIndex(m => m.Alias).IsUnique();
        builder.HasIndex(m => new { m.Folder, m.Id });
        builder.Property(m => m.Alias).HasMaxLength(100);
        builder.Property(m => m.Folder).HasMaxLength(100);
        builder.Property(m => m.FileHash).HasMaxLength(64);
        builder.Property(m => m.Format).HasMaxLength(10);
        builder.Property(m => m.Credit).HasMaxLength(300);
        builder.Property(m => m.Licence).HasMaxLength(100);
        builder.Property(m => m.CreatedBy).HasMaxLength(200);
    }
}
