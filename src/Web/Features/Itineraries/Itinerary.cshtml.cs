using VillageCraftPortal.Web.Shared;
using VillageCraftPortal.Web.Trips;

namespace VillageCraftPortal.Web.Features.Itineraries;

/// <summary>A curated itinerary: its story, the plan timed by the planner, and "use this plan".</summary>
public sealed class ItineraryModel(TimeProvider clock) : ContentPageModel
{
    public TripView Plan { get; private set; } = null!;

    public void OnGet() => Plan = CuratedPlans.View(Node, Snapshot, DateOnly.FromDateTime(VietnamTime.Now(clock)).AddDays(1));
}
