namespace VillageCraftPortal.Web.Backoffice.Audit;

/// <summary>One thing someone did: signed in, saved, published, rolled back, deleted, changed a role…</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public string? UserId { get; set; }

    public required string UserName { get; set; }

    public required string Action { get; set; }

    public string? EntityType { get; set; }

    public string? EntityId { get; set; }

    /// <summary>A short human-readable account of what changed.</summary>
    public string? Summary { get; set; }

    public string? IpAddress { get; set; }
}
