using VillageCraftPortal.Web.Content;

namespace VillageCraftPortal.Web.Trips;

/// <summary>The trip pages' addresses in each culture; pages register these routes and links are built only from here.</summary>
public static class TripPaths
{
    public static string Trip(string culture) => English(culture) ? "/en/my-trip" : "/vi/chuyen-di-cua-toi";

    /// <summary>The "add to my trip" confirmation (GET, ?stop=…) and the add itself (POST, field Stop).</summary>
    public static string Add(string culture) => Trip(culture) + (English(culture) ? "/add" : "/them");

    /// <summary>The visitor's own trip as an iCalendar file.</summary>
    public static string Calendar(string culture) => Trip(culture) + "/calendar.ics";

    public static string Shared(string culture, string shareId) => (English(culture) ? "/en/trips/" : "/vi/chuyen-di/") + shareId;

    public static string SharedCalendar(string culture, string shareId) => Shared(culture, shareId) + "/calendar.ics";

    private static bool English(string culture) => culture == Cultures.English;
}
