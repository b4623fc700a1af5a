using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Orders;

namespace VillageCraftPortal.Commerce.Cart;

/// <summary>
/// The checkout's state kept with the cart: the details typed so far, and the one-time token of the place-order
/// form. Claiming the token is a single conditional UPDATE, so of two submits of the same form (a double click, a
/// reload) exactly one places the order; the other finds that order through <see cref="Cart.PlacedToken"/>.
/// </summary>
public sealed class CartCheckout(DbContext db, TimeProvider clock)
{
    public async Task SaveDetailsAsync(Guid cartId, string details, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<Cart>().Where(c => c.Id == cartId).ExecuteUpdateAsync(
            u => u.SetProperty(c => c.CheckoutDetails, details).SetProperty(c => c.UpdatedAt, now).SetProperty(c => c.ExpiresAt, now + Cart.Lifetime),
            cancellationToken);
    }

    /// <summary>The token for the place-order form now shown, made on first use and kept until an order claims it.</summary>
    public async Task<Guid> TokenAsync(Guid cartId, CancellationToken cancellationToken = default)
    {
        // Read first: the form is shown again and again with the same token, and only the first showing writes.
        if (await db.Set<Cart>().Where(c => c.Id == cartId).Select(c => c.CheckoutToken).SingleOrDefaultAsync(cancellationToken) is { } existing)
        {
            return existing;
        }

        var fresh = Guid.NewGuid();
        await db.Set<Cart>().Where(c => c.Id == cartId && c.CheckoutToken == null)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.CheckoutToken, fresh), cancellationToken);
        return await db.Set<Cart>().Where(c => c.Id == cartId).Select(c => c.CheckoutToken).SingleOrDefaultAsync(cancellationToken) ?? fresh;
    }

    /// <summary>True for exactly one caller with this token; the token is used up until <see cref="ReleaseAsync"/>.</summary>
    public async Task<bool> ClaimAsync(Guid cartId, Guid token, CancellationToken cancellationToken = default) =>
        await db.Set<Cart>().Where(c => c.Id == cartId && c.CheckoutToken == token)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.CheckoutToken, (Guid?)null).SetProperty(c => c.ClaimedToken, token), cancellationToken) == 1;

    /// <summary>Gives a claimed token back when no order was placed with it, so the same form can be sent again.</summary>
    public Task ReleaseAsync(Guid cartId, Guid token, CancellationToken cancellationToken = default) =>
        db.Set<Cart>().Where(c => c.Id == cartId && c.ClaimedToken == token)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.CheckoutToken, token).SetProperty(c => c.ClaimedToken, (Guid?)null), cancellationToken);

    /// <summary>
    /// The order placed: the cart is emptied and remembers which token placed which order. The details typed are
    /// forgotten too (a shared computer should not offer them to the next person) unless <paramref name="keepDetails"/>.
    /// </summary>
    public async Task CompleteAsync(Guid cartId, Guid token, int orderId, bool keepDetails, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await CompleteInTransactionAsync(cartId, token, orderId, keepDetails, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary><see cref="CompleteAsync"/> inside the caller's transaction (the order's own).</summary>
    public async Task CompleteInTransactionAsync(Guid cartId, Guid token, int orderId, bool keepDetails, CancellationToken cancellationToken = default)
    {
        await db.Set<CartLine>().Where(l => l.CartId == cartId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<Cart>().Where(c => c.Id == cartId).ExecuteUpdateAsync(
            u => u.SetProperty(c => c.PlacedToken, token).SetProperty(c => c.PlacedOrderId, orderId).SetProperty(c => c.ClaimedToken, (Guid?)null)
                .SetProperty(c => c.CheckoutDetails, c => keepDetails ? c.CheckoutDetails : null)
                .SetProperty(c => c.UpdatedAt, clock.GetUtcNow().UtcDateTime),
            cancellationToken);
    }

    /// <summary>What became of a form's token: still open, being placed, the order it placed, or stale.</summary>
    public async Task<TokenState> StateOfAsync(Guid cartId, Guid token, CancellationToken cancellationToken = default)
    {
        var cart = await db.Set<Cart>().AsNoTracking().Where(c => c.Id == cartId)
            .Select(c => new { c.CheckoutToken, c.ClaimedToken, c.PlacedToken, c.PlacedOrderId }).SingleOrDefaultAsync(cancellationToken);
        return cart switch
        {
            null => new TokenState(TokenStatus.Stale),
            { PlacedOrderId: { } orderId } when cart.PlacedToken == token => new TokenState(TokenStatus.Placed, orderId),
            _ when cart.ClaimedToken == token => new TokenState(TokenStatus.InProgress),
            _ when cart.CheckoutToken == token => new TokenState(TokenStatus.Open),
            _ => new TokenState(TokenStatus.Stale),
        };
    }

    /// <summary>Puts an abandoned order's lines back in the cart (the buyer gave up paying it and wants to change something).</summary>
    public async Task RestoreAsync(Guid cartId, Order order, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cart = await db.Set<Cart>().Include(c => c.Lines).SingleAsync(c => c.Id == cartId, cancellationToken);
        foreach (var line in order.Lines)
        {
            var existing = cart.Lines.Find(l => l.VariantId == line.VariantId);
            if (existing is null)
            {
                cart.Lines.Add(new CartLine { VariantId = line.VariantId, Quantity = line.Quantity, SeenUnitPrice = line.UnitPrice, AddedAt = now });
            }
            else
            {
                existing.Quantity += line.Quantity;
            }
        }

        cart.PlacedOrderId = null;
        cart.PlacedToken = null;
        cart.Touch(now);
        await db.SaveChangesAsync(cancellationToken);
    }
}

public enum TokenStatus
{
    /// <summary>The form can place the order.</summary>
    Open,

    /// <summary>Another submit of the same form is placing the order right now.</summary>
    InProgress,
    Placed,

    /// <summary>An old form: its token is not the cart's any more.</summary>
    Stale,
}

public sealed record TokenState(TokenStatus Status, int? OrderId = null);
