namespace VillageCraftPortal.Web.Infrastructure.Email;

/// <summary>An email waiting to be sent (or sent): written with the change that causes it, sent in the background.</summary>
public sealed class OutboxEmail
{
    public long Id { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public string? HtmlBody { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public DateTime? SentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>Images the HTML shows inline; loaded only when the email is sent.</summary>
    public List<OutboxAttachment> Attachments { get; set; } = [];
}
