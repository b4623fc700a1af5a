using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Stock;
using VillageCraftPortal.Web.Backoffice.Audit;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Backoffice.Products;

public enum ProductSaveStatus
{
    Saved,
    Invalid,
    Conflict,

    /// <summary>In the user's villages, but not theirs to change (403).</summary>
    Forbidden,

    /// <summary>Missing, or outside the user's villages: never revealed (404).</summary>
    NotFound,

    /// <summary>Orders refer to it: it is kept (and can be taken off sale instead).</summary>
    HasOrders,
}

/// <summary>What a save did; <see cref="Id"/> is the product's or variant's id.</summary>
public sealed record ProductSaveResult(ProductSaveStatus Status, int Id = 0, IReadOnlyList<FieldProblem>? Problems = null)
{
    public IReadOnlyList<FieldProblem> ProblemList => Problems ?? [];
}

/// <summary>
/// The backoffice's writes to products: create, save (from the revision the form was loaded at, or refused as a
/// conflict) and delete, each checked against the user's villages and role before anything is written, and audited
/// in the same transaction.
/// </summary>
public sealed class ProductCatalogue(AppDbContext db, ProductAccess access, ProductImages images, AuditLog audit, TimeProvider clock)
{
    /// <summary>The product with its variants, or null when it does not exist or is outside the user's villages.</summary>
    public async Task<Product?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var product = await db.Set<Product>().AsNoTracking().Include(p => p.Variants.OrderBy(v => v.SortOrder).ThenBy(v => v.Id))
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return product is not null && access.CanView(product.VillageCode) ? product : null;
    }

    public async Task<ProductSaveResult> CreateAsync(ProductForm form, CancellationToken cancellationToken)
    {
        if (!access.CanCreate)
        {
            return new(ProductSaveStatus.Forbidden);
        }

        if (await IsOtherVillageAsync(form.Village, cancellationToken))
        {
            return new(ProductSaveStatus.NotFound);
        }

        var problems = ProductFormValidator.Validate(form, _ => true, true, await access.ManagedVillagesAsync(cancellationToken), Today());
        if (problems.Count == 0 && !await images.AreAllowedAsync(form.Village!, form.Images, [], cancellationToken))
        {
            problems.Add(new(nameof(ProductForm.Images), "bo.products.error.image"));
        }

        if (problems.Count > 0)
        {
            return new(ProductSaveStatus.Invalid, Problems: problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var product = new Product { Alias = await FreeAliasAsync(form, cancellationToken), VillageCode = form.Village!, Category = form.Category!, NameVi = string.Empty, NameEn = string.Empty, CreatedAt = now, UpdatedAt = now };
        form.ApplyTexts(product, Cultures.Vietnamese);
        form.ApplyTexts(product, Cultures.English);
        form.ApplyInvariant(product);
        db.Add(product);
        audit.Add(AuditActions.ProductCreate, access.UserName, "product", product.Alias, $"{product.VillageCode}: {product.NameVi}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new(ProductSaveStatus.Saved, product.Id);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Someone created a product of the same name at the same moment and took its key: saving again picks another.
            db.ChangeTracker.Clear();
            return new(ProductSaveStatus.Invalid, Problems: [new(nameof(ProductForm.NameEn), "bo.products.error.sameMoment")]);
        }
    }

    public async Task<ProductSaveResult> SaveAsync(int id, ProductForm form, CancellationToken cancellationToken)
    {
        var product = await db.Set<Product>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null || !access.CanView(product.VillageCode))
        {
            return new(ProductSaveStatus.NotFound);
        }

        var village = product.VillageCode;
        var manage = access.CanManage(village);
        if (!access.CanEditAny(village))
        {
            return new(ProductSaveStatus.Forbidden);
        }

        if (manage && await IsOtherVillageAsync(form.Village, cancellationToken))
        {
            return new(ProductSaveStatus.NotFound);
        }

        var problems = ProductFormValidator.Validate(form, c => access.CanEditTexts(village, c), manage, await access.ManagedVillagesAsync(cancellationToken), Today());
        if (manage && problems.Count == 0 && !await images.AreAllowedAsync(form.Village!, form.Images, product.ImageKeys, cancellationToken))
        {
            problems.Add(new(nameof(ProductForm.Images), "bo.products.error.image"));
        }

        if (problems.Count > 0)
        {
            return new(ProductSaveStatus.Invalid, id, problems);
        }

        var wasListed = product.IsListed;
        foreach (var culture in Cultures.All.Where(c => access.CanEditTexts(village, c)))
        {
            form.ApplyTexts(product, culture);
        }

        if (manage)
        {
            form.ApplyInvariant(product);
        }

        return await SaveChangesAsync(product, form.Revision, wasListed, cancellationToken);
    }

    /// <summary>Deletes a product nobody has ordered, with its stock history; one that was ordered stays (unlist it instead).</summary>
    public async Task<ProductSaveResult> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        var product = await db.Set<Product>().Include(p => p.Variants).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null || !access.CanView(product.VillageCode))
        {
            return new(ProductSaveStatus.NotFound);
        }

        if (!access.CanManage(product.VillageCode))
        {
            return new(ProductSaveStatus.Forbidden);
        }

        var variantIds = product.Variants.Select(v => v.Id).ToList();
        if (await VariantEditing.IsOrderedAsync(db, variantIds, cancellationToken))
        {
            return new(ProductSaveStatus.HasOrders, id);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<StockLedgerEntry>().Where(e => variantIds.Contains(e.VariantId)).ExecuteDeleteAsync(cancellationToken);
        db.Remove(product);
        audit.Add(AuditActions.ProductDelete, access.UserName, "product", product.Alias, $"{product.VillageCode}: {product.NameVi}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(ProductSaveStatus.Saved, id);
    }

    private async Task<ProductSaveResult> SaveChangesAsync(Product product, int expectedRevision, bool wasListed, CancellationToken cancellationToken)
    {
        var entry = db.Entry(product);
        entry.DetectChanges();
        var changed = entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToList();
        entry.Property(p => p.Revision).OriginalValue = expectedRevision;
        product.Revision = expectedRevision + 1;
        product.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(AuditActions.ProductEdit, access.UserName, "product", product.Alias, changed.Count == 0 ? "no changes" : string.Join(", ", changed));
        if (wasListed != product.IsListed)
        {
            audit.Add(AuditActions.ProductListing, access.UserName, "product", product.Alias, product.IsListed ? "listed" : "unlisted");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new(ProductSaveStatus.Saved, product.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(ProductSaveStatus.Conflict, product.Id);
        }
    }

    /// <summary>A village that exists but is not one the user manages: a forged form, answered as "not found".</summary>
    private async Task<bool> IsOtherVillageAsync(string? village, CancellationToken cancellationToken) =>
        village is not null && !access.CanManage(village) && (await access.AllVillagesAsync(cancellationToken)).Contains(village);

    /// <summary>A readable key for a new product, "village-english-name", made unique with a number.</summary>
    private async Task<string> FreeAliasAsync(ProductForm form, CancellationToken cancellationToken)
    {
        var stem = Slugs.Slugify($"{form.Village} {form.NameEn ?? form.NameVi}");
        stem = stem[..Math.Min(stem.Length, Slugs.MaxLength - 6)].TrimEnd('-');
        var taken = await db.Set<Product>().Where(p => p.Alias.StartsWith(stem)).Select(p => p.Alias).ToListAsync(cancellationToken);
        var alias = stem;
        for (var n = 2; taken.Contains(alias); n++)
        {
            alias = $"{stem}-{n}";
        }

        return alias;
    }

    private DateOnly Today() => DateOnly.FromDateTime(VietnamTime.Now(clock));
}
