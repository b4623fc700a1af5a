using System.Text.RegularExpressions;
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
public sealed partial class EmailOutbox(TimeProvider clock, EmailSignal signal)
{
    /// <summary>The recipient column's size (RFC 5321's longest path).</summary>
    public const int MaxRecipientLength = 320;

    public const int MaxSubjectLength = 500;

    public const int MaxContentIdLength = 200;

    public const int MaxFileNameLength = 100;

    /// <summary>Inline images are small pictures (a QR code, a logo), not documents: the outbox is no file store.</summary>
    public const int MaxInlineImageBytes = 256 * 1024;

    public const int MaxInlineImages = 5;

    private static readonly HashSet<string> InlineMediaTypes = new(StringComparer.Ordinal) { "image/png", "image/jpeg", "image/gif" };

    /// <summary>
    /// Adds the email to <paramref name="db"/> without saving. An invalid recipient is a bug of the caller (forms
    /// check addresses with <see cref="EmailAddresses.IsValid"/>), so it throws rather than queue a message that can never go.
    /// </summary>
    public OutboxEmail Enqueue(AppDbContext db, string to, string subject, string textBody, string? htmlBody = null) =>
        Enqueue(db, to, subject, textBody, htmlBody, inlineImages: null);

    /// <summary>
    /// As above, with images the HTML shows through <c>cid:</c> links (sent as multipart/related). Each must be a small
    /// PNG, JPEG or GIF with a Content-ID like "name@host"; anything else is a bug of the caller and throws.
    /// </summary>
    public OutboxEmail Enqueue(AppDbContext db, string to, string subject, string textBody, string? htmlBody, IReadOnlyList<InlineImage>? inlineImages)
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
        foreach (var image in CheckedImages(inlineImages, htmlBody))
        {
            email.Attachments.Add(new OutboxAttachment { ContentId = image.ContentId, FileName = image.FileName, MediaType = image.MediaType, Content = image.Content });
        }

        db.OutboxEmails.Add(email);
        return email;
    }

    /// <summary>Call after the caller's transaction commits; before it, the dispatcher would find nothing new.</summary>
    public void WakeDispatcher() => signal.Notify();

    private static IReadOnlyList<InlineImage> CheckedImages(IReadOnlyList<InlineImage>? images, string? htmlBody)
    {
        if (images is null || images.Count == 0)
        {
            return [];
        }

        if (htmlBody is null || images.Count > MaxInlineImages)
        {
            throw new ArgumentException($"Inline images need an HTML body, and at most {MaxInlineImages} of them.", nameof(images));
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var image in images)
        {
            // The id and name go into MIME headers: only plain characters, so nothing can break out of them.
            var valid = image.ContentId.Length <= MaxContentIdLength && ContentIdPattern().IsMatch(image.ContentId) && ids.Add(image.ContentId)
                && image.FileName.Length <= MaxFileNameLength && FileNamePattern().IsMatch(image.FileName)
                && InlineMediaTypes.Contains(image.MediaType)
                && image.Content is { Length: > 0 and <= MaxInlineImageBytes };
            if (!valid)
            {
                throw new ArgumentException($"The inline image '{image.ContentId}' ({image.FileName}, {image.MediaType}) is not one the outbox can carry.", nameof(images));
            }
        }

        return images;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+$")]
    private static partial Regex ContentIdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9._-]+$")]
    private static partial Regex FileNamePattern();
}
