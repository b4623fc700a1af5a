using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Content.Values;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Shared;
using VillageCraftPortal.Web.Trips.Planning;

namespace VillageCraftPortal.Web.Trips;

public enum TripChange
{
    Added,
    AlreadyThere,
    Full,
    UnknownStop,
    NotInTrip,
    Moved,
    Removed,
    Saved,
    Planned,
    Copied,
}

/// <summary>A trip's settings as asked for on the trip page, already checked (see <see cref="TripSettingsInput"/>).</summary>
public sealed record TripSettings(DateOnly FirstDay, int Days, TripPace Pace, TravelMode Mode, string StartChoice, GeoPoint Start);

/// <summary>A trip with its plan: one scheduled day per day, and the stops whose pages are gone.</summary>
public sealed record TripView(Trip Trip, PlanSettings Settings, IReadOnlyList<DayPlan> Days, IReadOnlyDictionary<string, PublishedNode> Nodes, int MissingStops);

/// <summary>
/// Creates and changes anonymous trips. Every change re-reads the trip by its owner's key, so a key that is unknown
/// (expired, forged) simply starts a new trip; a share id gives only read access.
/// </summary>
public sealed class TripService(AppDbContext db, PublishedSnapshotAccessor snapshots, TimeProvider clock)
{
    public Task<Trip?> FindAsync(Guid? key, CancellationToken cancellationToken) =>
        key is { } k
            ? db.Set<Trip>().Include(t => t.Stops).FirstOrDefaultAsync(t => t.Key == k && t.ExpiresAt > Now, cancellationToken)
            : Task.FromResult<Trip?>(null);

    public Task<Trip?> FindSharedAsync(string shareId, CancellationToken cancellationToken) =>
        db.Set<Trip>().AsNoTracking().Include(t => t.Stops).FirstOrDefaultAsync(t => t.ShareId == shareId && t.ExpiresAt > Now, cancellationToken);

    /// <summary>Adds a page at the end of the last day. The trip is created on the first add.</summary>
    public async Task<(Trip? Trip, TripChange Change)> AddAsync(Guid? key, Guid document, CancellationToken cancellationToken)
    {
        if (TripPlaces.Find(snapshots.Current, document) is null)
        {
            return (await FindAsync(key, cancellationToken), TripChange.UnknownStop);
        }

        var trip = await FindAsync(key, cancellationToken) ?? New();
        if (trip.Stops.Any(s => s.DocumentKey == document))
        {
            return (trip, TripChange.AlreadyThere);
        }

        if (trip.Stops.Count >= Trip.MaxStops)
        {
            return (trip, TripChange.Full);
        }

        var day = trip.Days - 1;
        trip.Stops.Add(new TripStop { DocumentKey = document, Day = day, Position = trip.StopsOn(day).Count });
        await SaveAsync(trip, cancellationToken);
        return (trip, TripChange.Added);
    }

    public async Task<TripChange> RemoveAsync(Guid? key, Guid document, CancellationToken cancellationToken)
    {
        var trip = await FindAsync(key, cancellationToken);
        if (trip?.Stops.FirstOrDefault(s => s.DocumentKey == document) is not { } stop)
        {
            return TripChange.NotInTrip;
        }

        trip.Stops.Remove(stop);
        trip.Renumber();
        await SaveAsync(trip, cancellationToken);
        return TripChange.Removed;
    }

    /// <summary>Moves a stop to a position (clamped) on a day; the day's other stops close up around it.</summary>
    public async Task<TripChange> MoveAsync(Guid? key, Guid document, int day, int position, CancellationToken cancellationToken)
    {
        var trip = await FindAsync(key, cancellationToken);
        if (trip?.Stops.FirstOrDefault(s => s.DocumentKey == document) is not { } stop || day < 0 || day >= trip.Days)
        {
            return TripChange.NotInTrip;
        }

        var others = trip.StopsOn(day).Where(s => s != stop).ToList();
        others.Insert(Math.Clamp(position, 0, others.Count), stop);
        stop.Day = day;
        for (var i = 0; i < others.Count; i++)
        {
            others[i].Position = i;
        }

        trip.Renumber();
        await SaveAsync(trip, cancellationToken);
        return TripChange.Moved;
    }

    /// <summary>A day's stops in the order given (the ids of exactly that day's stops, from a drag); anything else is refused.</summary>
    public async Task<TripChange> ReorderAsync(Guid? key, int day, List<Guid> order, CancellationToken cancellationToken)
    {
        var trip = await FindAsync(key, cancellationToken);
        var stops = trip?.StopsOn(day);
        if (trip is null || stops is null || stops.Count != order.Count || !stops.Select(s => s.DocumentKey).ToHashSet().SetEquals(order))
        {
            return TripChange.NotInTrip;
        }

        foreach (var stop in stops)
        {
            stop.Position = order.IndexOf(stop.DocumentKey);
        }

        await SaveAsync(trip, cancellationToken);
        return TripChange.Moved;
    }

    public async Task<Trip> SaveSettingsAsync(Guid? key, TripSettings settings, CancellationToken cancellationToken)
    {
        var trip = await FindAsync(key, cancellationToken) ?? New();
        (trip.FirstDay, trip.Pace, trip.Mode, trip.StartChoice, trip.StartLat, trip.StartLng) =
            (settings.FirstDay, settings.Pace, settings.Mode, settings.StartChoice, settings.Start.Lat, settings.Start.Lng);
        if (settings.Days != trip.Days)
        {
            // Fewer days: the stops of the days that go join the new last day.
            foreach (var stop in trip.Stops.Where(s => s.Day >= settings.Days).OrderBy(s => s.Day).ThenBy(s => s.Position))
            {
                stop.Day = settings.Days - 1;
                stop.Position = int.MaxValue / 2;
            }

            trip.Days = settings.Days;
            trip.Renumber();
        }

        await SaveAsync(trip, cancellationToken);
        return trip;
    }

    /// <summary>Spreads the stops over the days and orders each day (or only <paramref name="day"/>) as the planner finds best.</summary>
    public async Task<TripChange> OptimiseAsync(Guid? key, int? day, CancellationToken cancellationToken)
    {
        var trip = await FindAsync(key, cancellationToken);
        if (trip is null || day is < 0 || day >= trip.Days)
        {
            return TripChange.NotInTrip;
        }

        var snapshot = snapshots.Current;
        var settings = Settings(trip);
        var places = new Dictionary<string, TripStop>(StringComparer.Ordinal);
        PlanPlace? PlaceOf(TripStop stop)
        {
            if (TripPlaces.Find(snapshot, stop.DocumentKey) is not { } node)
            {
                return null;
            }

            var place = TripPlaces.Place(snapshot, node);
            places[place.Id] = stop;
            return place;
        }

        var plannedDays = day is { } only
            ? [.. Enumerable.Range(0, trip.Days).Select(d => d == only
                ? TripPlanner.OptimiseDay(settings, d, [.. trip.StopsOn(d).Select(PlaceOf).OfType<PlanPlace>()])
                : [.. trip.StopsOn(d).Select(PlaceOf).OfType<PlanPlace>()])]
            : TripPlanner.Optimise(settings, [.. trip.Stops.OrderBy(s => s.Day).ThenBy(s => s.Position).Select(PlaceOf).OfType<PlanPlace>()]);
        for (var d = 0; d < plannedDays.Count; d++)
        {
            for (var i = 0; i < plannedDays[d].Count; i++)
            {
                var stop = places[plannedDays[d][i].Id];
                (stop.Day, stop.Position) = (d, i);
            }
        }

        // Stops whose pages are gone keep their day, after the planned ones.
        foreach (var stop in trip.Stops.Where(s => !places.ContainsValue(s)))
        {
            stop.Position = int.MaxValue / 2;
        }

        trip.Renumber();
        await SaveAsync(trip, cancellationToken);
        return TripChange.Planned;
    }

    /// <summary>
    /// A curated itinerary becomes the visitor's trip: its days, places, pace and mode replace the trip's (the start
    /// point and first day stay), and each day is put in the planner's order.
    /// </summary>
    public async Task<Trip?> UsePlanAsync(Guid? key, Guid planKey, CancellationToken cancellationToken)
    {
        var snapshot = snapshots.Current;
        if (snapshot.ByKey(planKey) is not { ContentType: Content.Types.DocumentTypes.Itinerary } plan || CuratedPlans.Days(plan, snapshot) is not { Count: > 0 } days)
        {
            return null;
        }

        var trip = await FindAsync(key, cancellationToken) ?? New();
        trip.Stops.Clear();
        (trip.Days, trip.Pace, trip.Mode) = (days.Count, CuratedPlans.Pace(plan), CuratedPlans.Mode(plan));
        if (trip.FirstDay < Today)
        {
            trip.FirstDay = Today.AddDays(1);
        }

        var settings = Settings(trip);
        for (var day = 0; day < days.Count; day++)
        {
            var ordered = TripPlanner.OptimiseDay(settings, day, [.. days[day].Select(n => TripPlaces.Place(snapshot, n))]);
            trip.Stops.AddRange(ordered.Select((place, i) => new TripStop { DocumentKey = Guid.ParseExact(place.Id, "N"), Day = day, Position = i }));
        }

        await SaveAsync(trip, cancellationToken);
        return trip;
    }

    /// <summary>A copy of a shared trip as a new trip of the visitor's own (a new key and a new share id).</summary>
    public async Task<Trip?> CopyAsync(string shareId, CancellationToken cancellationToken)
    {
        if (await FindSharedAsync(shareId, cancellationToken) is not { } source)
        {
            return null;
        }

        var copy = New();
        (copy.FirstDay, copy.Days, copy.Pace, copy.Mode, copy.StartChoice, copy.StartLat, copy.StartLng) =
            (source.FirstDay < Today ? Today : source.FirstDay, source.Days, source.Pace, source.Mode, source.StartChoice, source.StartLat, source.StartLng);
        copy.Stops = [.. source.Stops.Select(s => new TripStop { DocumentKey = s.DocumentKey, Day = s.Day, Position = s.Position })];
        await SaveAsync(copy, cancellationToken);
        return copy;
    }

    /// <summary>The trip with each day's times worked out, in the traveller's order.</summary>
    public TripView View(Trip trip)
    {
        var snapshot = snapshots.Current;
        var settings = Settings(trip);
        var nodes = new Dictionary<string, PublishedNode>(StringComparer.Ordinal);
        var missing = 0;
        var days = new List<DayPlan>(trip.Days);
        for (var day = 0; day < trip.Days; day++)
        {
            var places = new List<PlanPlace>();
            foreach (var stop in trip.StopsOn(day))
            {
                if (TripPlaces.Find(snapshot, stop.DocumentKey) is { } node)
                {
                    var place = TripPlaces.Place(snapshot, node);
                    nodes[place.Id] = node;
                    places.Add(place);
                }
                else
                {
                    missing++;
                }
            }

            days.Add(TripPlanner.Schedule(settings, day, places));
        }

        return new TripView(trip, settings, days, nodes, missing);
    }

    public static PlanSettings Settings(Trip trip) => new(trip.Start, trip.FirstDay, trip.Days, trip.Pace, trip.Mode);

    public DateOnly Today => DateOnly.FromDateTime(VietnamTime.Now(clock));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Trip New()
    {
        var now = Now;
        var trip = new Trip
        {
            Key = Guid.NewGuid(),
            ShareId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            FirstDay = Today.AddDays(1),
            StartChoice = StartPoints.Default,
            StartLat = GeoPoint.HoanKiemLake.Lat,
            StartLng = GeoPoint.HoanKiemLake.Lng,
            CreatedAt = now,
        };
        db.Add(trip);
        return trip;
    }

    private async Task SaveAsync(Trip trip, CancellationToken cancellationToken)
    {
        trip.UpdatedAt = Now;
        trip.ExpiresAt = trip.UpdatedAt + Trip.Lifetime;
        await db.SaveChangesAsync(cancellationToken);
    }
}
