using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VillageCraftPortal.Commerce.Cart;

namespace VillageCraftPortal.Commerce.Persistence;

internal sealed class CartConfiguration : IEntityTypeConfiguration<Cart.Cart>
{
    public void Configure(EntityTypeBuilder<Cart.Cart> builder)
    {
        // The id is made by us (random, it is the bearer secret inside the cookie), never by the database.
        builder.Property(c => c.Id).ValueGeneratedNever();
        // The purge job deletes by expiry.
        builder.HasIndex(c => c.ExpiresAt);
        builder.Property(c => c.CheckoutDetails).HasMaxLength(8000);
        builder.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.CartId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(c => c.ItemCount);
    }
}

internal sealed class CartLineConfiguration : IEntityTypeConfiguration<CartLine>
{
    public void Configure(EntityTypeBuilder<CartLine> builder)
    {
        builder.HasIndex(l => new { l.CartId, l.VariantId }).IsUnique();
        // No foreign key to the variant: a variant deleted from the catalogue must still be reported as gone on the
        // next view of the cart, not make its line vanish silently.
        builder.HasIndex(l => l.VariantId);
    }
}
