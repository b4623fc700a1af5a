using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Stock;

namespace VillageCraftPortal.Web.Search;

/// <summary>
/// Search index work: a product, its prices or its stock changed. Written by <see cref="CatalogueChangeRecorder"/>
/// in the same SaveChanges (so the same transaction) as the change; the indexer applies rows after its cursor.
/// One of the three references is set: a new product is known by its alias until it has an id.
/// </summary>
public sealed class CatalogueChange
{
    public long Id { get; set; }

    public int? ProductId { get; set; }

    public string? ProductAlias { get; set; }

    public int? VariantId { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class CatalogueChangeConfiguration : IEntityTypeConfiguration<CatalogueChange>
{
    public void Configure(EntityTypeBuilder<CatalogueChange> builder)
    {
        builder.Property(c => c.ProductAlias).HasMaxLength(200);
        builder.HasIndex(c => c.CreatedAt);
    }
}

/// <summary>
/// Adds a <see cref="CatalogueChange"/> for every product, variant or stock ledger entry that can change a listing
/// which a SaveChanges writes, once per product or variant. Stock moves are caught through their ledger entries.
/// </summary>
public sealed class CatalogueChangeRecorder : SaveChangesInterceptor
{
    public static readonly CatalogueChangeRecorder Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>
    /// The index knows only whether a variant is in stock. A sale's commit changes nothing available, and a buyer's
    /// hold matters only when it takes the last item, which <see cref="CatalogueStockObserver"/> reports; every
    /// other move (a release, a return, staff changes) may bring a variant back and is recorded.
    /// </summary>
    private static bool ChangesListing(StockLedgerEntry ledger) =>
        ledger.Delta != 0 && !(ledger.Reason == StockReason.Reserved && ledger.Delta < 0);

    private static void Record(DbContext? context)
    {
        if (context is null || context.Model.FindEntityType(typeof(CatalogueChange)) is null)
        {
            return;
        }

        var products = new HashSet<int>();
        var aliases = new HashSet<string>(StringComparer.Ordinal);
        var variants = new HashSet<int>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Product product when entry.State == EntityState.Added || entry.Property(nameof(Product.Id)).IsTemporary:
                    aliases.Add(product.Alias);
                    break;
                case Product product:
                    products.Add(product.Id);
                    break;
                case ProductVariant variant when !entry.Property(nameof(ProductVariant.ProductId)).IsTemporary:
                    products.Add(variant.ProductId);
                    break;
                case ProductVariant variant:
                    aliases.Add(variant.Product.Alias);
                    break;
                case StockLedgerEntry ledger when entry.State == EntityState.Added && !entry.Property(nameof(StockLedgerEntry.VariantId)).IsTemporary && ChangesListing(ledger):
                    variants.Add(ledger.VariantId);
                    break;
            }
        }

        if (products.Count + aliases.Count + variants.Count == 0)
        {
            return;
        }

        var now = DateTime.UtcNow;
        var changes = context.Set<CatalogueChange>();
        changes.AddRange(products.Select(id => new CatalogueChange { ProductId = id, CreatedAt = now }));
        changes.AddRange(aliases.Select(alias => new CatalogueChange { ProductAlias = alias, CreatedAt = now }));
        changes.AddRange(variants.Select(id => new CatalogueChange { VariantId = id, CreatedAt = now }));
    }
}

/// <summary>A buyer took a variant's last item: its listing is sold out now, in the same transaction as the take.</summary>
public sealed class CatalogueStockObserver : IStockObserver
{
    public void Emptied(DbContext db, int variantId)
    {
        if (db.Model.FindEntityType(typeof(CatalogueChange)) is not null)
        {
            db.Add(new CatalogueChange { VariantId = variantId, CreatedAt = DateTime.UtcNow });
        }
    }
}
