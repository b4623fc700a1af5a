using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VillageCraftPortal.Web.Content.Values;
using VillageCraftPortal.Web.Trips.Planning;

namespace VillageCraftPortal.Web.Trips;

/// <summary>
/// A visitor's trip: anonymous, found by <see cref="Key"/> (kept in a protected cookie), shown read-only to whoever
/// has <see cref="ShareId"/>. Its stops are content pages (villages, centres, experiences) in the traveller's order.
/// </summary>
public sealed class Trip
{
    public const int MaxStops = 30;
    public const int MaxDays = 7;

    /// <summary>A trip nobody has looked at for this long is deleted.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    public int Id { get; set; }

    /// <summary>The owner's secret: whoever holds it can change the trip.</summary>
    public Guid Key { get; set; }

    /// <summary>The read-only link's id: 128 random bits as 32 lower-case hex digits (public paths are lower case).</summary>
    public string ShareId { get; set; } = string.Empty;

    public DateOnly FirstDay { get; set; }

    public int Days { get; set; } = 1;

    public TripPace Pace { get; set; } = TripPace.Normal;

    public TravelMode Mode { get; set; } = TravelMode.Car;

    /// <summary>A key of <see cref="StartPoints"/>, or <see cref="StartPoints.Custom"/> for coordinates.</summary>
    public string StartChoice { get; set; } = StartPoints.Default;

    public double StartLat { get; set; }

    public double StartLng { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public List<TripStop> Stops { get; set; } = [];

    public GeoPoint Start => new(StartLat, StartLng);

    /// <summary>The stops of one day in the traveller's order.</summary>
    public List<TripStop> StopsOn(int day) => [.. Stops.Where(s => s.Day == day).OrderBy(s => s.Position)];

    /// <summary>Numbers each day's stops 0, 1, 2… in their current order, after a move or a removal.</summary>
    public void Renumber()
    {
        foreach (var day in Stops.GroupBy(s => s.Day))
        {
            var position = 0;
            foreach (var stop in day.OrderBy(s => s.Position))
            {
                stop.Position = position++;
            }
        }
    }
}

/// <summary>A stop: a content page, on a day (0-based) at a position in that day.</summary>
public sealed class TripStop
{
    public int Id { get; set; }

    public int TripId { get; set; }

    public Guid DocumentKey { get; set; }

    public int Day { get; set; }

    public int Position { get; set; }
}

internal sealed class TripConfiguration : IEntityTypeConfiguration<Trip>
{
    public void Configure(EntityTypeBuilder<Trip> builder)
    {
        builder.HasIndex(t => t.Key).IsUnique();
        builder.HasIndex(t => t.ShareId).IsUnique();
        builder.HasIndex(t => t.ExpiresAt);
        builder.Property(t => t.ShareId).HasMaxLength(32);
        builder.Property(t => t.StartChoice).HasMaxLength(32);
        builder.Property(t => t.Pace).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Mode).HasConversion<string>().HasMaxLength(16);
        builder.HasMany(t => t.Stops).WithOne().HasForeignKey(s => s.TripId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TripStopConfiguration : IEntityTypeConfiguration<TripStop>
{
    public void Configure(EntityTypeBuilder<TripStop> builder) =>
        builder.HasIndex(s => new { s.TripId, s.DocumentKey }).IsUnique();
}
