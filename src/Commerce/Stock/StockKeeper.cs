using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Catalogue;

namespace VillageCraftPortal.Commerce.Stock;

/// <summary>
/// Takes and gives back stock. Taking is one conditional UPDATE (… SET Available = Available - q WHERE Id = @id AND
/// Available &gt;= q): the database decides, so two buyers can never both get the last item, on SQLite or
/// PostgreSQL. Every change is written to the ledger in the caller's transaction.
/// </summary>
public sealed class StockKeeper(DbContext db, TimeProvider clock, IEnumerable<IStockObserver>? observers = null)
{
    /// <summary>Takes <paramref name="quantity"/> if that many are available; false (and no change) otherwise.</summary>
    public async Task<bool> TryTakeAsync(int variantId, int quantity, int? orderId, string actor, CancellationToken cancellationToken)
    {
        if (!await TryDecrementAsync(variantId, quantity, cancellationToken))
        {
            return false;
        }

        RecordTake(variantId, quantity, orderId, actor);
        return true;
    }

    /// <summary>
    /// The ledger half of a take, saved with the caller's other changes; <see cref="TryDecrementAsync"/> is the stock
    /// half, and the caller's transaction keeps the two together (rolled back if the decrement fails).
    /// </summary>
    public void RecordTake(int variantId, int quantity, int? orderId, string actor) =>
        Record(variantId, -quantity, StockReason.Reserved, orderId, actor);

    /// <summary>
    /// The conditional UPDATE alone. On PostgreSQL it locks the variant's row until the transaction ends, so an order
    /// runs it last, just before its commit: buyers of the same popular product then queue for that moment only.
    /// </summary>
    public async Task<bool> TryDecrementAsync(int variantId, int quantity, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        // Two conditional UPDATEs, the usual one first: stock that stays above zero, then stock taken to exactly zero,
        // which the observers hear of (a listing turns sold out). Each is atomic on its own, so there is still no
        // overselling; a take that neither can make fails.
        var variants = db.Set<ProductVariant>();
        if (await variants.Where(v => v.Id == variantId && v.Available > quantity)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Available, v => v.Available - quantity), cancellationToken) == 1)
        {
            return true;
        }

        if (await variants.Where(v => v.Id == variantId && v.Available == quantity)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Available, 0), cancellationToken) != 1)
        {
            return false;
        }

        foreach (var observer in observers ?? [])
        {
            observer.Emptied(db, variantId);
        }

        return true;
    }

    /// <summary>Gives stock back (a released hold, returned goods) or adds counted stock.</summary>
    public async Task GiveBackAsync(int variantId, int quantity, StockReason reason, int? orderId, string actor, CancellationToken cancellationToken, string? note = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        await db.Set<ProductVariant>()
            .Where(v => v.Id == variantId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Available, v => v.Available + quantity), cancellationToken);
        Record(variantId, quantity, reason, orderId, actor, note);
    }

    /// <summary>
    /// A staff change by <paramref name="delta"/> (received, damaged, …), applied only if it leaves nothing below zero:
    /// one conditional UPDATE against the row as it is now, so an order taking stock at the same moment is never lost.
    /// False (and no change) when there is not enough.
    /// </summary>
    public async Task<bool> TryAdjustAsync(int variantId, int delta, StockReason reason, string actor, string? note, CancellationToken cancellationToken)
    {
        if (delta == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(delta), "An adjustment changes the stock.");
        }

        var changed = await db.Set<ProductVariant>()
            .Where(v => v.Id == variantId && v.Available + delta >= 0)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Available, v => v.Available + delta), cancellationToken);
        if (changed == 0)
        {
            return false;
        }

        Record(variantId, delta, reason, null, actor, note);
        return true;
    }

    /// <summary>
    /// Staff counted <paramref name="counted"/> where the shop showed them <paramref name="shown"/>: the count is
    /// written only if nothing changed in between (… WHERE Available = shown), and recorded as its delta. False when
    /// stock moved meanwhile, so the person counts against the new figure instead of overwriting an order's take.
    /// </summary>
    public async Task<bool> TryRecountAsync(int variantId, int shown, int counted, string actor, string? note, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(counted);
        var changed = await db.Set<ProductVariant>()
            .Where(v => v.Id == variantId && v.Available == shown)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Available, counted), cancellationToken);
        if (changed == 0)
        {
            return false;
        }

        Record(variantId, counted - shown, StockReason.Counted, null, actor, note);
        return true;
    }

    /// <summary>Records that held stock was sold; what is available does not change.</summary>
    public void RecordCommitted(int variantId, int quantity, int orderId, string actor) =>
        Record(variantId, 0, StockReason.Committed, orderId, actor, $"{quantity} sold");

    private void Record(int variantId, int delta, StockReason reason, int? orderId, string actor, string? note = null) =>
        db.Add(new StockLedgerEntry
        {
            VariantId = variantId,
            Delta = delta,
            Reason = reason,
            OrderId = orderId,
            Actor = actor,
            Note = note,
            At = clock.GetUtcNow().UtcDateTime,
        });
}

/// <summary>
/// Hears of a take that left a variant with nothing available, inside the taking transaction: whatever it adds to
/// the context is saved with the caller's changes (the search index's outbox row, for one).
/// </summary>
public interface IStockObserver
{
    void Emptied(DbContext db, int variantId);
}
