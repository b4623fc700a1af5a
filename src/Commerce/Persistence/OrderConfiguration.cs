using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Stock;

namespace VillageCraftPortal.Commerce.Persistence;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.HasIndex(o => o.Number).IsUnique();
        // Staff lists: newest first by status, keyset on id.
        builder.HasIndex(o => new { o.Status, o.Id });
        builder.HasIndex(o => o.BuyerEmail);
        builder.Property(o => o.Number).HasMaxLength(24);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(o => o.PaymentMethod).HasConversion<string>().HasMaxLength(24);
        builder.Property(o => o.Culture).HasMaxLength(8);
        builder.Property(o => o.BuyerName).HasMaxLength(200);
        builder.Property(o => o.BuyerEmail).HasMaxLength(254);
        builder.Property(o => o.BuyerPhone).HasMaxLength(32);
        builder.Property(o => o.ProvinceCode).HasMaxLength(40);
        builder.Property(o => o.Ward).HasMaxLength(200);
        builder.Property(o => o.AddressLine).HasMaxLength(500);
        builder.Property(o => o.Country).HasMaxLength(100);
        builder.Property(o => o.DeliveryMethod).HasMaxLength(40);
        builder.Property(o => o.InvoiceCompanyName).HasMaxLength(300);
        builder.Property(o => o.InvoiceTaxCode).HasMaxLength(20);
        builder.Property(o => o.InvoiceAddress).HasMaxLength(500);
        builder.Property(o => o.Notes).HasMaxLength(2000);
        builder.Property(o => o.Revision).IsConcurrencyToken();
        builder.Ignore(o => o.IsPickup);
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Fulfilments).WithOne().HasForeignKey(f => f.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Transitions).WithOne().HasForeignKey(t => t.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.Property(l => l.Sku).HasMaxLength(64);
        builder.Property(l => l.ProductName).HasMaxLength(200);
        builder.Property(l => l.VariantLabel).HasMaxLength(250);
        builder.Property(l => l.VillageCode).HasMaxLength(60);
        builder.HasOne<ProductVariant>().WithMany().HasForeignKey(l => l.VariantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.Fulfilment).WithMany().HasForeignKey(l => l.FulfilmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(l => l.LineTotal);
    }
}

internal sealed class FulfilmentConfiguration : IEntityTypeConfiguration<Fulfilment>
{
    public void Configure(EntityTypeBuilder<Fulfilment> builder)
    {
        // A centre's order list: its fulfilments, newest first.
        builder.HasIndex(f => new { f.VillageCode, f.OrderId });
        builder.HasIndex(f => new { f.OrderId, f.VillageCode }).IsUnique();
        builder.Property(f => f.VillageCode).HasMaxLength(60);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(f => f.Carrier).HasMaxLength(100);
        builder.Property(f => f.TrackingNumber).HasMaxLength(100);
    }
}

internal sealed class OrderTransitionConfiguration : IEntityTypeConfiguration<OrderTransition>
{
    public void Configure(EntityTypeBuilder<OrderTransition> builder)
    {
        builder.HasIndex(t => new { t.OrderId, t.Id });
        builder.Property(t => t.From).HasConversion<string>().HasMaxLength(24);
        builder.Property(t => t.To).HasConversion<string>().HasMaxLength(24);
        builder.Property(t => t.Actor).HasMaxLength(200);
        builder.Property(t => t.Note).HasMaxLength(1000);
    }
}

internal sealed class OrderNoticeConfiguration : IEntityTypeConfiguration<OrderNotice>
{
    public void Configure(EntityTypeBuilder<OrderNotice> builder)
    {
        // The email job reads the unsent ones in order.
        builder.HasIndex(n => new { n.SentAt, n.Id });
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(n => n.Problem).HasMaxLength(1000);
        builder.HasOne<Order>().WithMany().HasForeignKey(n => n.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Fulfilment>().WithMany().HasForeignKey(n => n.FulfilmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StockLedgerEntryConfiguration : IEntityTypeConfiguration<StockLedgerEntry>
{
    public void Configure(EntityTypeBuilder<StockLedgerEntry> builder)
    {
        builder.HasIndex(e => new { e.VariantId, e.Id });
        builder.HasIndex(e => e.OrderId);
        builder.Property(e => e.Reason).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Actor).HasMaxLength(200);
        builder.Property(e => e.Note).HasMaxLength(500);
        builder.HasOne<ProductVariant>().WithMany().HasForeignKey(e => e.VariantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StockReservationConfiguration : IEntityTypeConfiguration<StockReservation>
{
    public void Configure(EntityTypeBuilder<StockReservation> builder)
    {
        // The release job looks for expired holds.
        builder.HasIndex(r => new { r.State, r.ExpiresAt });
        builder.HasIndex(r => r.OrderId);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Order>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ProductVariant>().WithMany().HasForeignKey(r => r.VariantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CardPaymentConfiguration : IEntityTypeConfiguration<Payments.Stripe.CardPayment>
{
    public void Configure(EntityTypeBuilder<Payments.Stripe.CardPayment> builder)
    {
        builder.HasIndex(p => p.SessionId).IsUnique();
        builder.HasIndex(p => new { p.OrderId, p.Attempt }).IsUnique();
        builder.Property(p => p.SessionId).HasMaxLength(255);
        builder.Property(p => p.Url).HasMaxLength(2000);
        builder.Property(p => p.PaymentIntentId).HasMaxLength(255);
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Order>().WithMany().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProcessedStripeEventConfiguration : IEntityTypeConfiguration<Payments.Stripe.ProcessedStripeEvent>
{
    public void Configure(EntityTypeBuilder<Payments.Stripe.ProcessedStripeEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(255);
        builder.Property(e => e.Type).HasMaxLength(100);
    }
}

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Payments.Refunds.Refund>
{
    public void Configure(EntityTypeBuilder<Payments.Refunds.Refund> builder)
    {
        builder.HasIndex(r => new { r.OrderId, r.Id });
        builder.HasIndex(r => r.StripeRefundId).IsUnique();
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.StripeRefundId).HasMaxLength(255);
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.Property(r => r.Actor).HasMaxLength(200);
        builder.Property(r => r.FailureMessage).HasMaxLength(500);
        builder.HasOne<Order>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}
