using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Persistence;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Infrastructure.Email;

namespace VillageCraftPortal.Web.Features.Orders.Emails;

/// <summary>What one pass of the order email job did.</summary>
public readonly record struct OrderNoticePass(int Queued, int Problems);

/// <summary>
/// Turns unsent <see cref="OrderNotice"/>s into emails in the outbox, oldest first. Each notice is handled in its own
/// transaction that first stamps <see cref="OrderNotice.SentAt"/> with a guarded UPDATE (… where SentAt is null) and
/// then queues the email: both commit or neither does, so a crash neither loses nor doubles an email, and when two
/// instances reach the same notice the second's UPDATE waits for the first's commit and then finds nothing to do.
/// </summary>
public sealed partial class OrderNoticeSender(
    AppDbContext db,
    OrderEmailComposer composer,
    EmailOutbox outbox,
    TimeProvider clock,
    ILogger<OrderNoticeSender> logger)
{
    public const int BatchSize = 50;

    /// <remarks>Any failure rolls a notice's whole transaction back, so its save needs no savepoint.</remarks>
    public Task<OrderNoticePass> SendPendingAsync(CancellationToken cancellationToken) =>
        db.Database.WithoutSavepointsAsync(() => SendAllAsync(cancellationToken));

    private async Task<OrderNoticePass> SendAllAsync(CancellationToken cancellationToken)
    {
        var (queued, problems, after) = (0, 0, 0L);
        while (true)
        {
            // Whole notices: what one says never changes after it is written, only whether it was sent (which the
            // claim checks again).
            var batch = await db.Set<OrderNotice>().AsNoTracking()
                .Where(n => n.SentAt == null && n.Problem == null && n.Id > after)
                .OrderBy(n => n.Id).Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var notice in batch)
            {
                switch (await HandleAsync(notice, cancellationToken))
                {
                    case Outcome.Queued:
                        queued++;
                        break;
                    case Outcome.Problem:
                        problems++;
                        break;
                }
            }

            if (batch.Count < BatchSize)
            {
                break;
            }

            after = batch[^1].Id;
        }

        if (queued > 0)
        {
            outbox.WakeDispatcher();
        }

        return new OrderNoticePass(queued, problems);
    }

    private async Task<Outcome> HandleAsync(OrderNotice notice, CancellationToken cancellationToken)
    {
        var id = notice.Id;
        string? problem;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                // The claim comes first, so the row is locked before anything is read for the email.
                var sentAt = clock.GetUtcNow().UtcDateTime;
                var claimed = await db.Set<OrderNotice>().Where(n => n.Id == id && n.SentAt == null && n.Problem == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.SentAt, sentAt), cancellationToken);
                if (claimed == 0)
                {
                    return Outcome.TakenElsewhere;
                }

                problem = await QueueAsync(notice, cancellationToken);
                if (problem is null)
                {
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return Outcome.Queued;
                }

                await transaction.RollbackAsync(cancellationToken);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        // Set apart in its own small write: the notice leaves the queue for a person to look at, the others go on.
        await db.Set<OrderNotice>().Where(n => n.Id == id && n.SentAt == null && n.Problem == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Problem, problem), cancellationToken);
        LogProblem(logger, id, problem);
        return Outcome.Problem;
    }

    /// <summary>Composes and queues the email; returns why it cannot be, for failures that retrying would not cure.</summary>
    private async Task<string?> QueueAsync(OrderNotice notice, CancellationToken cancellationToken)
    {
        var details = await OrderDetailsReader.LoadAsync(db, notice.OrderId, withHistory: notice.Kind == NoticeKind.Cancelled, cancellationToken);
        if (details is null)
        {
            return "The order no longer exists.";
        }

        if (!EmailAddresses.IsValid(details.Order.BuyerEmail) || details.Order.BuyerEmail.Length > EmailOutbox.MaxRecipientLength)
        {
            return $"The buyer's email address '{Truncate(details.Order.BuyerEmail, 100)}' is not one we can send to.";
        }

        try
        {
            var email = composer.Compose(notice, details);
            var footer = composer.Footer(email.Culture);
            outbox.Enqueue(db, details.Order.BuyerEmail, email.Subject, OrderEmailRenderer.ToText(email, footer), OrderEmailRenderer.ToHtml(email, footer), email.Images);
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            // The same data would fail the same way on every pass (e.g. bank settings that make no VietQR code).
            return Truncate($"{ex.GetType().Name}: {ex.Message}", 1000);
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    [LoggerMessage(Level = LogLevel.Error, Message = "Order notice {Id} cannot be emailed and is set aside: {Problem}")]
    private static partial void LogProblem(ILogger logger, long id, string? problem);

    private enum Outcome
    {
        Queued,
        Problem,
        TakenElsewhere,
    }
}
