using Microsoft.AspNetCore.DataProtection;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Trips;

/// <summary>The owner's key of the visitor's trip (see <see cref="ProtectedIdCookie"/>).</summary>
public sealed class TripCookie(IDataProtectionProvider protection)
    : ProtectedIdCookie(protection, "VillageCraftPortal.Trip.v1", Name, Trip.Lifetime)
{
    public const string Name = "vcp.trip";
}
