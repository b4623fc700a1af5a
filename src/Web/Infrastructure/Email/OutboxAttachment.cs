namespace VillageCraftPortal.Web.Infrastructure.Email;

/// <summary>
/// An image shown inside an email's HTML (referred to as <c>cid:ContentId</c>), e.g. the VietQR code of a bank
/// transfer. Stored with its email so that a message sent later, or again, is exactly the one queued.
/// </summary>
public sealed class OutboxAttachment
{
    public long Id { get; set; }

    public long OutboxEmailId { get; set; }

    /// <summary>The Content-ID without angle brackets, e.g. "vietqr.VCP-2026-000123@vcp".</summary>
    public required string ContentId { get; set; }

    public required string FileName { get; set; }

    public required string MediaType { get; set; }

    public required byte[] Content { get; set; }
}

/// <summary>An image to queue with an email (see <see cref="EmailOutbox"/>): shown in its HTML as <c>cid:ContentId</c>.</summary>
public sealed record InlineImage(string ContentId, string FileName, string MediaType, byte[] Content);
