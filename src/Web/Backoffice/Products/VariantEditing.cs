using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Stock;
using VillageCraftPortal.Web.Backoffice.Audit;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Backoffice.Products;

/// <summary>
/// Adding, saving and removing variants, scoped by their product's village like everything else. Saving never writes
/// stock (that moves only by atomic deltas); a variant that was ordered is never removed, because its orders refer to it.
/// </summary>
public sealed class VariantEditing(AppDbContext db, ProductAccess access, StockKeeper stock, AuditLog audit)
{
    public const string OpeningStockNote = "opening stock";

    /// <summary>The variant with its product, or null when missing or outside the user's villages.</summary>
    public async Task<ProductVariant?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var variant = await db.Set<ProductVariant>().AsNoTracking().Include(v => v.Product).FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        return variant is not null && access.CanView(variant.Product.VillageCode) ? variant : null;
    }

    public static Task<bool> IsOrderedAsync(AppDbContext db, IReadOnlyCollection<int> variantIds, CancellationToken cancellationToken) =>
        db.Set<OrderLine>().AnyAsync(l => variantIds.Contains(l.VariantId), cancellationToken);

    public async Task<ProductSaveResult> AddAsync(int productId, VariantForm form, CancellationToken cancellationToken)
    {
        var product = await db.Set<Product>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, cancellationToken);
        if (product is null || !access.CanView(product.VillageCode))
        {
            return new(ProductSaveStatus.NotFound);
        }

        if (!access.CanManage(product.VillageCode))
        {
            return new(ProductSaveStatus.Forbidden);
        }

        var problems = form.Validate(_ => true, true, null);
        await CheckSkuAsync(form, 0, problems, cancellationToken);
        if (problems.Count > 0)
        {
            return new(ProductSaveStatus.Invalid, Problems: problems);
        }

        var variant = new ProductVariant { ProductId = productId, Sku = string.Empty };
        form.ApplyTexts(variant, Cultures.Vietnamese);
        form.ApplyTexts(variant, Cultures.English);
        form.ApplyInvariant(variant);
        if (ProductInputs.Text(form.SortOrder) is null)
        {
            variant.SortOrder = await db.Set<ProductVariant>().Where(v => v.ProductId == productId).MaxAsync(v => (int?)v.SortOrder + 1, cancellationToken) ?? 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(variant);
        audit.Add(AuditActions.VariantCreate, access.UserName, "variant", variant.Sku, $"{product.Alias}: {variant.Price} đ");
        if (!await TrySaveAsync(problems, cancellationToken))
        {
            return new(ProductSaveStatus.Invalid, Problems: problems);
        }

        if (form.OpeningStockQuantity() > 0)
        {
            await stock.TryAdjustAsync(variant.Id, form.OpeningStockQuantity(), StockReason.Received, access.UserName, OpeningStockNote, cancellationToken);
            audit.Add(AuditActions.StockAdjust, access.UserName, "variant", variant.Sku, $"+{form.OpeningStockQuantity()} {StockReason.Received}: {OpeningStockNote}");
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new(ProductSaveStatus.Saved, variant.Id);
    }

    public async Task<ProductSaveResult> SaveAsync(int id, VariantForm form, CancellationToken cancellationToken)
    {
        var variant = await db.Set<ProductVariant>().Include(v => v.Product).FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        var village = variant?.Product.VillageCode;
        if (variant is null || !access.CanView(village!))
        {
            return new(ProductSaveStatus.NotFound);
        }

        if (!access.CanEditAny(village!))
        {
            return new(ProductSaveStatus.Forbidden);
        }

        var manage = access.CanManage(village!);
        var problems = form.Validate(c => access.CanEditTexts(village!, c), manage, variant);
        if (manage)
        {
            await CheckSkuAsync(form, id, problems, cancellationToken);
        }

        if (problems.Count > 0)
        {
            return new(ProductSaveStatus.Invalid, id, problems);
        }

        foreach (var culture in Cultures.All.Where(c => access.CanEditTexts(village!, c)))
        {
            form.ApplyTexts(variant, culture);
        }

        if (manage)
        {
            form.ApplyInvariant(variant);
        }

        var entry = db.Entry(variant);
        entry.DetectChanges();
        var changed = entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToList();
        entry.Property(v => v.Revision).OriginalValue = form.Revision;
        variant.Revision = form.Revision + 1;
        audit.Add(AuditActions.VariantEdit, access.UserName, "variant", variant.Sku, changed.Count == 0 ? "no changes" : string.Join(", ", changed));
        try
        {
            return await TrySaveAsync(problems, cancellationToken) ? new(ProductSaveStatus.Saved, id) : new(ProductSaveStatus.Invalid, id, problems);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(ProductSaveStatus.Conflict, id);
        }
    }

    /// <summary>Removes a variant nobody ordered, with its stock history; an ordered one is kept (refused).</summary>
    public async Task<ProductSaveResult> RemoveAsync(int id, CancellationToken cancellationToken)
    {
        var variant = await db.Set<ProductVariant>().Include(v => v.Product).FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (variant is null || !access.CanView(variant.Product.VillageCode))
        {
            return new(ProductSaveStatus.NotFound);
        }

        if (!access.CanManage(variant.Product.VillageCode))
        {
            return new(ProductSaveStatus.Forbidden);
        }

        if (await IsOrderedAsync(db, [id], cancellationToken) || await db.Set<StockReservation>().AnyAsync(r => r.VariantId == id, cancellationToken))
        {
            return new(ProductSaveStatus.HasOrders, variant.ProductId);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<StockLedgerEntry>().Where(e => e.VariantId == id).ExecuteDeleteAsync(cancellationToken);
        db.Remove(variant);
        audit.Add(AuditActions.VariantRemove, access.UserName, "variant", variant.Sku, $"{variant.Product.Alias}: {variant.Available} in stock");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(ProductSaveStatus.Saved, variant.ProductId);
    }

    private async Task CheckSkuAsync(VariantForm form, int id, List<FieldProblem> problems, CancellationToken cancellationToken)
    {
        var (sku, problem) = ProductInputs.Sku(form.Sku);
        if (problem is null && await db.Set<ProductVariant>().AnyAsync(v => v.Sku == sku && v.Id != id, cancellationToken))
        {
            problems.Add(new(nameof(VariantForm.Sku), "bo.products.error.skuTaken"));
        }
    }

    /// <summary>Saves; a SKU another save took at the same moment becomes the same message as one taken before.</summary>
    private async Task<bool> TrySaveAsync(List<FieldProblem> problems, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException && DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            problems.Add(new(nameof(VariantForm.Sku), "bo.products.error.skuTaken"));
            return false;
        }
    }
}
