using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VillageCraftPortal.Commerce.Catalogue;

namespace VillageCraftPortal.Commerce.Persistence;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.HasIndex(p => p.Alias).IsUnique();
        // Listing pages filter by village and category and page by id (keyset).
        builder.HasIndex(p => new { p.VillageCode, p.Id });
        builder.HasIndex(p => new { p.Category, p.Id });
        // The storefront's keyset sorts: newest first and by name in each culture, with the id as tie-breaker.
        builder.HasIndex(p => new { p.CreatedAt, p.Id });
        builder.HasIndex(p => new { p.NameVi, p.Id });
        builder.HasIndex(p => new { p.NameEn, p.Id });
        builder.Property(p => p.Alias).HasMaxLength(120);
        builder.Property(p => p.VillageCode).HasMaxLength(60);
        builder.Property(p => p.Category).HasMaxLength(40);
        builder.Property(p => p.NameVi).HasMaxLength(200);
        builder.Property(p => p.NameEn).HasMaxLength(200);
        builder.Property(p => p.DescriptionVi).HasMaxLength(8000);
        builder.Property(p => p.DescriptionEn).HasMaxLength(8000);
        builder.Property(p => p.MaterialsVi).HasMaxLength(500);
        builder.Property(p => p.MaterialsEn).HasMaxLength(500);
        builder.Property(p => p.CareVi).HasMaxLength(1000);
        builder.Property(p => p.CareEn).HasMaxLength(1000);
        builder.Property(p => p.Dimensions).HasMaxLength(200);
        builder.Property(p => p.OcopCertificateNumber).HasMaxLength(80);
        builder.Property(p => p.NotesVi).HasMaxLength(2000);
        builder.Property(p => p.NotesEn).HasMaxLength(2000);
        builder.PrimitiveCollection(p => p.ImageKeys);
        builder.PrimitiveCollection(p => p.Unverified);
        builder.HasMany(p => p.Sources).WithOne().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Variants).WithOne(v => v.Product).HasForeignKey(v => v.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Revision).IsConcurrencyToken();
        builder.Ignore(p => p.Ocop);
    }
}

internal sealed class ProductVariantConfiguration : IEntityTypeConfiguration<ProductVariant>
{
    public void Configure(EntityTypeBuilder<ProductVariant> builder)
    {
        builder.HasIndex(v => v.Sku).IsUnique();
        builder.HasIndex(v => new { v.ProductId, v.SortOrder });
        // A product's lowest price (the storefront's price sort and price filter) is one seek per product.
        builder.HasIndex(v => new { v.ProductId, v.Price });
        builder.Property(v => v.Sku).HasMaxLength(64);
        builder.Property(v => v.Size).HasMaxLength(80);
        builder.Property(v => v.Colour).HasMaxLength(80);
        builder.Property(v => v.Pattern).HasMaxLength(80);
        builder.Property(v => v.SizeEn).HasMaxLength(80);
        builder.Property(v => v.ColourEn).HasMaxLength(80);
        builder.Property(v => v.PatternEn).HasMaxLength(80);
        builder.ToTable(t =>
        {
            // The database itself refuses to oversell, whatever the code does.
            t.HasCheckConstraint("CK_ProductVariants_Available", "\"Available\" >= 0");
            t.HasCheckConstraint("CK_ProductVariants_Price", "\"Price\" >= 0");
        });
        builder.Property(v => v.Revision).IsConcurrencyToken();
        builder.Ignore(v => v.Label);
    }
}

internal sealed class ProductSourceConfiguration : IEntityTypeConfiguration<ProductSource>
{
    public void Configure(EntityTypeBuilder<ProductSource> builder)
    {
        builder.HasIndex(s => new { s.ProductId, s.SortOrder });
        builder.Property(s => s.Title).HasMaxLength(300);
        builder.Property(s => s.Publisher).HasMaxLength(200);
        builder.Property(s => s.Url).HasMaxLength(1000);
    }
}
