namespace VillageCraftPortal.Web.Infrastructure.Email;

/// <summary>
/// When a failed email is tried again: quickly at first (a blip), then further apart, giving an outage about a day to
/// be fixed before the dispatcher gives up and leaves the message, with its last error, for a person to look at.
/// </summary>
public static class EmailRetryPolicy
{
    /// <summary>Attempts counts every try, the successful one included; after this many failures there are no more.</summary>
    public const int MaxAttempts = 8;

    /// <summary>The longest a send may take before another instance may take the message over (see <see cref="OutboxDelivery"/>).</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan[] Delays =
    [
        TimeSpan.FromSeconds(30),
        TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(10),
        TimeSpan.FromHours(1),
        TimeSpan.FromHours(3),
        TimeSpan.FromHours(6),
        TimeSpan.FromHours(12),
    ];

    /// <summary>The wait after failed attempt number <paramref name="attempt"/> (1-based), or null to give up.</summary>
    public static TimeSpan? DelayAfter(int attempt) =>
        attempt >= MaxAttempts ? null : Delays[Math.Clamp(attempt, 1, Delays.Length) - 1];
}
