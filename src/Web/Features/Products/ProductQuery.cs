using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Features.Products;

/// <summary>A listed product by its alias, with its variants in order and its sources, and the products related to it.</summary>
public sealed class ProductQuery(AppDbContext db, CatalogueQuery catalogue)
{
    public const int RelatedCount = 4;

    /// <summary>
    /// The whole product, untracked: the page shows nearly every column and relies on the domain's own rules
    /// (<see cref="Product.OcopStandingOn"/>, <see cref="ProductVariant.LabelIn"/>), so it reads the entity.
    /// </summary>
    public Task<Product?> ListedAsync(string alias, CancellationToken cancellationToken) =>
        alias.Length > 120
            ? Task.FromResult<Product?>(null)
            : db.Set<Product>().AsNoTracking().AsSplitQuery()
                .Include(p => p.Variants.OrderBy(v => v.SortOrder).ThenBy(v => v.Id))
                .Include(p => p.Sources.OrderBy(s => s.SortOrder))
                .Where(p => p.Alias == alias && p.IsListed && p.Variants.Any())
                .SingleOrDefaultAsync(cancellationToken);

    public Task<List<ProductCardRow>> RelatedAsync(Product product, CancellationToken cancellationToken) =>
        catalogue.RelatedAsync(product.Id, product.Category, product.VillageCode, RelatedCount, cancellationToken);
}
