using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VillageCraftPortal.Web.Content.Storage;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.HasIndex(d => d.Key).IsUnique();
        builder.HasIndex(d => d.Alias).IsUnique();
        builder.HasIndex(d => new { d.ParentId, d.SortOrder });
        builder.Property(d => d.Alias).HasMaxLength(100);
        builder.Property(d => d.ContentType).HasMaxLength(50);
        builder.Property(d => d.CreatedBy).HasMaxLength(200);
        builder.Property(d => d.UpdatedBy).HasMaxLength(200);
        builder.Property(d => d.ReviewBy).HasMaxLength(200);
        builder.Property(d => d.ReviewComment).HasMaxLength(2000);
        builder.Property(d => d.LatestVersion).IsConcurrencyToken();
        builder.HasOne<Document>().WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(d => d.IsPublished);
        builder.Ignore(d => d.HasUnpublishedChanges);
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> builder)
    {
        builder.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
        builder.Property(v => v.CreatedBy).HasMaxLength(200);
        builder.Property(v => v.Comment).HasMaxLength(1000);
    }
}

internal sealed class DocumentRouteConfiguration : IEntityTypeConfiguration<DocumentRoute>
{
    public void Configure(EntityTypeBuilder<DocumentRoute> builder)
    {
        builder.HasIndex(r => new { r.ParentId, r.Culture, r.Slug }).IsUnique();
        builder.HasIndex(r => new { r.DocumentId, r.Culture }).IsUnique();
        builder.Property(r => r.Culture).HasMaxLength(8);
        builder.Property(r => r.Slug).HasMaxLength(120);
        builder.HasOne<Document>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContentEventConfiguration : IEntityTypeConfiguration<ContentEvent>
{
    public void Configure(EntityTypeBuilder<ContentEvent> builder) =>
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
}

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder) =>
        builder.Property(r => r.SourceHash).HasMaxLength(64);
}
