using Microsoft.AspNetCore.OutputCaching;
using VillageCraftPortal.Web.Content.Values;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Features.Centres;

/// <summary>A centre's hours as of now in Việt Nam: the status, the week ahead and closures coming up.</summary>
public sealed record CentreHours(OpeningHours Hours, OpeningStatus Status, DateTime Now, IReadOnlyList<DaySchedule> Week, IReadOnlyList<DaySchedule> Closures)
{
    public static CentreHours At(OpeningHours hours, HolidayCalendar holidays, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var week = Enumerable.Range(0, 7).Select(i => hours.On(today.AddDays(i), holidays)).ToList();
        var closures = Enumerable.Range(0, 60)
            .Select(i => hours.On(today.AddDays(i), holidays))
            .Where(d => d.Reason is not null)
            .ToList();
        return new CentreHours(hours, hours.StatusAt(now, holidays), now, week, closures);
    }

    /// <summary>"Open now" must not be served from cache after the centre opens or closes.</summary>
    public void LimitCacheLifetime(HttpContext context)
    {
        var change = Status.IsOpen ? Status.Until : Status.NextOpening;
        if (change is { } next && context.Features.Get<IOutputCacheFeature>() is { } cache)
        {
            var remaining = next - Now;
            if (remaining > TimeSpan.Zero && remaining < (cache.Context.ResponseExpirationTimeSpan ?? TimeSpan.MaxValue))
            {
                cache.Context.ResponseExpirationTimeSpan = remaining;
            }
        }
    }
}
