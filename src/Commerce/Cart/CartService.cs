using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Orders;

namespace VillageCraftPortal.Commerce.Cart;

/// <summary>
/// Adds, changes and removes cart lines, and reviews a cart against the catalogue on every view: prices that
/// changed, stock that ran short and products taken off sale are reported to the buyer and then recorded, so each
/// change is told once. Expected problems come back as statuses; an expired cart counts as no cart.
/// </summary>
public sealed class CartService(DbContext db, IOptions<OrderOptions> options, TimeProvider clock)
{
    private int MaxQuantity => options.Value.MaxQuantityPerLine;

    public async Task<CartAddResult> AddAsync(Guid? cartId, int variantId, int quantity, CancellationToken cancellationToken = default)
    {
        if (quantity < 1 || quantity > MaxQuantity)
        {
            return new CartAddResult(CartAddStatus.InvalidQuantity, cartId);
        }

        var variant = await db.Set<ProductVariant>().AsNoTracking().Include(v => v.Product).SingleOrDefaultAsync(v => v.Id == variantId, cancellationToken);
        var refusal = variant switch
        {
            null => CartAddStatus.UnknownVariant,
            { Product.IsListed: false } => CartAddStatus.NotListed,
            { Available: <= 0 } => CartAddStatus.SoldOut,
            _ => CartAddStatus.Added,
        };
        if (refusal != CartAddStatus.Added)
        {
            return new CartAddResult(refusal, cartId);
        }

        // Two adds of a new line at once (a double click) meet the unique index: the second one retries and merges.
        return await RetryOnConflictAsync(async () =>
        {
            var now = Now;
            var cart = cartId is { } id ? await LoadAsync(id, cancellationToken) : null;
            if (cart is null)
            {
                cart = new Cart { Id = Guid.NewGuid(), CreatedAt = now };
                db.Add(cart);
            }

            var line = cart.Lines.Find(l => l.VariantId == variantId);
            if (line is null)
            {
                line = new CartLine { VariantId = variantId, AddedAt = now };
                cart.Lines.Add(line);
            }

            var wanted = line.Quantity + quantity;
            line.Quantity = Math.Min(wanted, Math.Min(MaxQuantity, variant!.Available));
            line.SeenUnitPrice = variant.Price;
            cart.Touch(now);
            await db.SaveChangesAsync(cancellationToken);
            var status = wanted > MaxQuantity && line.Quantity == MaxQuantity ? CartAddStatus.LimitedToMaximum
                : line.Quantity < wanted ? CartAddStatus.LimitedByStock
                : CartAddStatus.Added;
            return new CartAddResult(status, cart.Id, line.Quantity);
        });
    }

    public async Task<CartLineStatus> UpdateAsync(Guid? cartId, int variantId, int quantity, CancellationToken cancellationToken = default)
    {
        if (quantity < 1 || quantity > MaxQuantity)
        {
            return CartLineStatus.InvalidQuantity;
        }

        var cart = cartId is { } id ? await LoadAsync(id, cancellationToken) : null;
        var line = cart?.Lines.Find(l => l.VariantId == variantId);
        if (cart is null || line is null)
        {
            return cart is null ? CartLineStatus.NoCart : CartLineStatus.NotInCart;
        }

        var available = await db.Set<ProductVariant>().Where(v => v.Id == variantId).Select(v => (int?)v.Available).SingleOrDefaultAsync(cancellationToken) ?? 0;
        // A sold-out line keeps its quantity (the review flags it); otherwise no more than there is.
        line.Quantity = available > 0 ? Math.Min(quantity, available) : quantity;
        cart.Touch(Now);
        await SaveIgnoringVanishedAsync(cancellationToken);
        return line.Quantity < quantity ? CartLineStatus.LimitedByStock : CartLineStatus.Updated;
    }

    public async Task<CartLineStatus> RemoveAsync(Guid? cartId, int variantId, CancellationToken cancellationToken = default)
    {
        var cart = cartId is { } id ? await LoadAsync(id, cancellationToken) : null;
        var line = cart?.Lines.Find(l => l.VariantId == variantId);
        if (cart is null || line is null)
        {
            return cart is null ? CartLineStatus.NoCart : CartLineStatus.NotInCart;
        }

        cart.Lines.Remove(line);
        db.Remove(line);
        cart.Touch(Now);
        await SaveIgnoringVanishedAsync(cancellationToken);
        return CartLineStatus.Removed;
    }

    /// <summary>
    /// The cart against today's catalogue. Lines of products taken off sale are removed, quantities above the stock
    /// are lowered to it, and the prices seen are brought up to date; what changed is returned so the page can say so.
    /// </summary>
    public Task<CartReview> ReviewAsync(Guid? cartId, CancellationToken cancellationToken = default) =>
        cartId is not { } id ? Task.FromResult(CartReview.None) : RetryOnConflictAsync(() => ReviewOnceAsync(id, cancellationToken));

    /// <summary>The cart, if it exists and has not expired (tracked, with its lines).</summary>
    public async Task<Cart?> LoadAsync(Guid cartId, CancellationToken cancellationToken = default)
    {
        var cart = await db.Set<Cart>().Include(c => c.Lines).SingleOrDefaultAsync(c => c.Id == cartId, cancellationToken);
        return cart is null || cart.IsExpiredAt(Now) ? null : cart;
    }

    private async Task<CartReview> ReviewOnceAsync(Guid cartId, CancellationToken cancellationToken)
    {
        var cart = await LoadAsync(cartId, cancellationToken);
        if (cart is null)
        {
            return CartReview.None;
        }

        var ids = cart.Lines.Select(l => l.VariantId).ToList();
        var variants = await db.Set<ProductVariant>().AsNoTracking().Include(v => v.Product)
            .Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
        var lines = new List<ReviewedLine>();
        var changes = new List<CartChange>();
        foreach (var line in cart.Lines.OrderBy(l => l.AddedAt).ThenBy(l => l.Id).ToList())
        {
            var variant = variants.GetValueOrDefault(line.VariantId);
            if (variant is null || !variant.Product.IsListed)
            {
                changes.Add(new CartChange(CartChangeKind.NoLongerListed, line.VariantId, variant, OldQuantity: line.Quantity));
                cart.Lines.Remove(line);
                db.Remove(line);
                continue;
            }

            if (variant.Available <= 0)
            {
                changes.Add(new CartChange(CartChangeKind.SoldOut, line.VariantId, variant, OldQuantity: line.Quantity));
            }
            else if (line.Quantity > variant.Available)
            {
                changes.Add(new CartChange(CartChangeKind.QuantityReduced, line.VariantId, variant, OldQuantity: line.Quantity, NewQuantity: variant.Available));
                line.Quantity = variant.Available;
            }

            if (line.SeenUnitPrice != variant.Price)
            {
                changes.Add(new CartChange(CartChangeKind.PriceChanged, line.VariantId, variant, line.SeenUnitPrice, variant.Price));
                line.SeenUnitPrice = variant.Price;
            }

            lines.Add(new ReviewedLine(variant, line.Quantity));
        }

        cart.Viewed(Now);
        await db.SaveChangesAsync(cancellationToken);
        return new CartReview(cart.Id, lines, changes, cart.CheckoutDetails);
    }

    /// <summary>A line removed meanwhile by another tab is not an error: the cart is as the buyer wants it.</summary>
    private async Task SaveIgnoringVanishedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<T> RetryOnConflictAsync<T>(Func<Task<T>> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
