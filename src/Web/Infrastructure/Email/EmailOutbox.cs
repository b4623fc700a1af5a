using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Infrastructure.Email;

/// <summary>
/// Queues emails in the caller's unit of work: the email is saved, or rolled back, with the change that caused it,
/// and <see cref="EmailDispatcher"/> sends it later. Typical use:
/// <code>
/// outbox.Enqueue(db, order.Email, subject, text, html);
/// await db.SaveChangesAsync(ct);
/// outbox.WakeDispatcher();
/// </code>
/// </summary>
public sealed class EmailOutbox(TimeProvider clock, EmailSignal signal)
{
    /// <summary>The recipient column's size (RFC 5321's longest path).</summary>
    public const int MaxRecipientLength = 320;

    public const int MaxSubjectLength = 500;

    /// <summary>
    /// Adds the email to <paramref name="db"/> without saving. An invalid recipient is a bug of the caller (forms
    /// check addresses with <see cref="EmailAddresses.IsValid"/>), so it throws rather than queue a message that can never go.
    /// </summary>
    public OutboxEmail Enqueue(AppDbContext db, string to, string subject, string textBody, string? htmlBody = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(textBody);
        if (to is null || to.Length > MaxRecipientLength || !EmailAddresses.IsValid(to))
        {
            throw new ArgumentException($"'{to}' is not a single valid email address.", nameof(to));
        }

        if (string.IsNullOrWhiteSpace(subject) || subject.Length > MaxSubjectLength)
        {
            throw new ArgumentException($"The subject must have 1 to {MaxSubjectLength} characters.", nameof(subject));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var email = new OutboxEmail
        {
            To = to,
            Subject = subject,
            TextBody = textBody,
            HtmlBody = htmlBody,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxEmails.Add(email);
        return email;
    }

    /// <summary>Call after the caller's transaction commits; before it, the dispatcher would find nothing new.</summary>
    public void WakeDispatcher() => signal.Notify();
}
