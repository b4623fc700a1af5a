using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Infrastructure.Email;

/// <summary>What one dispatch pass did.</summary>
public readonly record struct EmailDispatchResult(int Sent, int Failed);

/// <summary>
/// One pass over the outbox: claims each due email, sends it and records the outcome. Safe with several instances:
/// a claim is an UPDATE guarded by the attempt count the pass read, so only one instance wins each attempt. Delivery
/// is at least once: if the process dies between the server accepting a message and SentAt being saved, the message
/// goes again once its claim lapses (with the same Message-Id, so receivers can drop the duplicate).
/// </summary>
public sealed partial class OutboxDelivery(
    AppDbContext db,
    IEmailTransport transport,
    EmailComposer composer,
    TimeProvider clock,
    ILogger<OutboxDelivery> logger)
{
    public const int BatchSize = 20;

    public const int MaxErrorLength = 2000;

    public async Task<EmailDispatchResult> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        await using var session = transport.OpenSession();
        while (true)
        {
            var now = Now();
            var due = await db.OutboxEmails.AsNoTracking()
                .Where(e => e.SentAt == null && e.NextAttemptAt <= now && e.Attempts < EmailRetryPolicy.MaxAttempts)
                .OrderBy(e => e.NextAttemptAt).ThenBy(e => e.Id)
                .Take(BatchSize)
                .Select(e => new { Email = e, HasAttachments = e.Attachments.Any() })
                .ToListAsync(cancellationToken);
            var claimedAny = false;
            foreach (var row in due)
            {
                var email = row.Email;
                if (!await TryClaimAsync(email, cancellationToken))
                {
                    continue;
                }

                claimedAny = true;
                var attempt = email.Attempts + 1;
                // Loaded once the email is ours: the pictures of emails another instance took never leave the database.
                email.Attachments = !row.HasAttachments ? [] : await db.Set<OutboxAttachment>().AsNoTracking()
                    .Where(a => a.OutboxEmailId == email.Id).OrderBy(a => a.Id).ToListAsync(cancellationToken);
                try
                {
                    await session.SendAsync(composer.Compose(email), cancellationToken);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    await RecordFailureAsync(email.Id, attempt, ex, cancellationToken);
                    // Most failures are the server's (down, refusing, bad credentials): the rest of the queue would
                    // fail the same way, so it waits for the next pass rather than spending its attempts now.
                    return new EmailDispatchResult(sent, 1);
                }

                var sentAt = Now();
                await db.OutboxEmails.Where(e => e.Id == email.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.SentAt, sentAt), cancellationToken);
                sent++;
                LogSent(logger, email.Id, attempt);
            }

            // Nothing claimed means another instance holds these rows; it will send them. A short batch was all that
            // was due: an email queued since then woke the job again, so its next pass sends it.
            if (!claimedAny || due.Count < BatchSize)
            {
                return new EmailDispatchResult(sent, 0);
            }
        }
    }

    /// <summary>
    /// Counts the attempt and pushes the next one out by the lease, in one guarded UPDATE: if another instance claimed
    /// the row since it was read, Attempts has moved on and nothing changes here.
    /// </summary>
    private async Task<bool> TryClaimAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        var leaseUntil = Now() + EmailRetryPolicy.ClaimLease;
        var claimed = await db.OutboxEmails
            .Where(e => e.Id == email.Id && e.SentAt == null && e.Attempts == email.Attempts && e.NextAttemptAt == email.NextAttemptAt)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Attempts, email.Attempts + 1)
                .SetProperty(e => e.NextAttemptAt, leaseUntil), cancellationToken);
        return claimed == 1;
    }

    private async Task RecordFailureAsync(long id, int attempt, Exception exception, CancellationToken cancellationToken)
    {
        var now = Now();
        var delay = EmailRetryPolicy.DelayAfter(attempt);
        // A given-up email keeps the time of its last failure; the attempt count keeps it out of the due query.
        var next = delay is { } wait ? now + wait : now;
        var error = Truncate($"{exception.GetType().Name}: {exception.Message}");
        await db.OutboxEmails.Where(e => e.Id == id && e.SentAt == null && e.Attempts == attempt)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.LastError, error)
                .SetProperty(e => e.NextAttemptAt, next), cancellationToken);
        if (delay is null)
        {
            LogGaveUp(logger, exception, id, attempt);
        }
        else
        {
            LogFailed(logger, exception, id, attempt, next);
        }
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static string Truncate(string text) => text.Length <= MaxErrorLength ? text : text[..(MaxErrorLength - 1)] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {Id} sent (attempt {Attempt})")]
    private static partial void LogSent(ILogger logger, long id, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {Id} failed on attempt {Attempt}; next try at {NextAttemptAt:u}")]
    private static partial void LogFailed(ILogger logger, Exception exception, long id, int attempt, DateTime nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email {Id} failed {Attempts} times and will not be tried again")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, long id, int attempts);
}
