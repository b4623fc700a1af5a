using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Stock;
using VillageCraftPortal.Web.Backoffice.Audit;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Backoffice.Products;

/// <summary>A change staff record: a signed number ("+12" received, "-2" damaged) with its reason.</summary>
public sealed class StockChangeForm
{
    public string? Change { get; set; }

    public string? Reason { get; set; }

    public string? Note { get; set; }
}

/// <summary>A count of the shelf, against the figure the page showed when it was loaded.</summary>
public sealed class StockCountForm
{
    public string? Counted { get; set; }

    public int Shown { get; set; }

    public string? Note { get; set; }
}

public enum StockChangeStatus
{
    Done,
    Invalid,

    /// <summary>Taking that many would leave less than nothing: nothing changed.</summary>
    NotEnough,

    /// <summary>Stock moved (an order, another person) since the count was started: nothing changed.</summary>
    ChangedMeanwhile,
    Forbidden,
    NotFound,
}

public sealed record StockChangeResult(StockChangeStatus Status, IReadOnlyList<FieldProblem>? Problems = null, int Available = 0);

/// <summary>One line of a variant's stock ledger as staff read it.</summary>
public sealed record LedgerLine(long Id, DateTime At, int Delta, StockReason Reason, string Actor, string? Note, string? OrderNumber);

/// <summary>
/// Staff changes to stock. Each is one conditional UPDATE through <see cref="StockKeeper"/> (never below zero, never
/// computed from a figure read earlier), written to the ledger with the staff member as actor and to the audit log,
/// all in one transaction.
/// </summary>
public sealed class StockAdjustments(AppDbContext db, ProductAccess access, StockKeeper stock, AuditLog audit)
{
    public const int MaxChange = 1_000_000;

    /// <summary>The reasons of the change form; a count has its own form.</summary>
    public static readonly IReadOnlyList<StockReason> ChangeReasons = [StockReason.Received, StockReason.Damaged, StockReason.Returned, StockReason.Correction];

    public async Task<StockChangeResult> ChangeAsync(int variantId, StockChangeForm form, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(variantId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var problems = new List<FieldProblem>();
        var reason = Enum.TryParse<StockReason>(form.Reason, out var r) && ChangeReasons.Contains(r) ? r : (StockReason?)null;
        var delta = ProductInputs.Whole(form.Change);
        if (reason is null)
        {
            problems.Add(new(nameof(StockChangeForm.Reason), "bo.products.error.reason"));
        }

        if (delta is not { } d || d == 0 || Math.Abs(d) > MaxChange)
        {
            problems.Add(new(nameof(StockChangeForm.Change), "bo.products.error.change"));
        }
        else if ((reason is StockReason.Received or StockReason.Returned && d < 0) || (reason == StockReason.Damaged && d > 0))
        {
            problems.Add(new(nameof(StockChangeForm.Change), reason == StockReason.Damaged ? "bo.products.error.damagedSign" : "bo.products.error.addedSign"));
        }

        CheckNote(form.Note, problems);
        if (problems.Count > 0)
        {
            return new(StockChangeStatus.Invalid, problems);
        }

        return await ApplyAsync(variantId, form.Note, $"{delta:+0;-0} {reason}", ct => stock.TryAdjustAsync(variantId, delta!.Value, reason!.Value, access.UserName, ProductInputs.Text(form.Note), ct), StockChangeStatus.NotEnough, cancellationToken);
    }

    public async Task<StockChangeResult> CountAsync(int variantId, StockCountForm form, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(variantId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var problems = new List<FieldProblem>();
        var counted = ProductInputs.Whole(form.Counted);
        if (counted is not (>= 0 and <= MaxChange))
        {
            problems.Add(new(nameof(StockCountForm.Counted), "bo.products.error.counted"));
        }

        CheckNote(form.Note, problems);
        if (problems.Count > 0)
        {
            return new(StockChangeStatus.Invalid, problems);
        }

        return await ApplyAsync(variantId, form.Note, $"{counted - form.Shown:+0;-0;0} {StockReason.Counted} ({form.Shown} → {counted})", ct => stock.TryRecountAsync(variantId, form.Shown, counted!.Value, access.UserName, ProductInputs.Text(form.Note), ct), StockChangeStatus.ChangedMeanwhile, cancellationToken);
    }

    /// <summary>A page of the ledger, newest first, before <paramref name="before"/> (keyset paging).</summary>
    public Task<List<LedgerLine>> LedgerAsync(int variantId, long? before, int size, CancellationToken cancellationToken) =>
        db.Set<StockLedgerEntry>().AsNoTracking()
            .Where(e => e.VariantId == variantId && (before == null || e.Id < before))
            .OrderByDescending(e => e.Id)
            .Take(size)
            .Select(e => new LedgerLine(e.Id, e.At, e.Delta, e.Reason, e.Actor, e.Note, db.Set<Order>().Where(o => o.Id == e.OrderId).Select(o => o.Number).FirstOrDefault()))
            .ToListAsync(cancellationToken);

    private async Task<StockChangeResult> ApplyAsync(int variantId, string? note, string summary, Func<CancellationToken, Task<bool>> change, StockChangeStatus refusal, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await change(cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new(refusal, Available: await AvailableAsync(variantId, cancellationToken));
        }

        var sku = await db.Set<ProductVariant>().Where(v => v.Id == variantId).Select(v => v.Sku).SingleAsync(cancellationToken);
        audit.Add(AuditActions.StockAdjust, access.UserName, "variant", sku, ProductInputs.Text(note) is { } text ? $"{summary}: {text}" : summary);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(StockChangeStatus.Done, Available: await AvailableAsync(variantId, cancellationToken));
    }

    private async Task<StockChangeResult?> AllowedAsync(int variantId, CancellationToken cancellationToken)
    {
        var village = await db.Set<ProductVariant>().Where(v => v.Id == variantId).Select(v => v.Product.VillageCode).FirstOrDefaultAsync(cancellationToken);
        if (village is null || !access.CanView(village))
        {
            return new(StockChangeStatus.NotFound);
        }

        return access.CanManage(village) ? null : new(StockChangeStatus.Forbidden);
    }

    private static void CheckNote(string? note, List<FieldProblem> problems)
    {
        if (note?.Trim().Length > 500)
        {
            problems.Add(new(nameof(StockChangeForm.Note), "bo.products.error.tooLong"));
        }
    }

    private Task<int> AvailableAsync(int variantId, CancellationToken cancellationToken) =>
        db.Set<ProductVariant>().Where(v => v.Id == variantId).Select(v => v.Available).SingleAsync(cancellationToken);
}
