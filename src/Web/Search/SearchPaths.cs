using VillageCraftPortal.Web.Content;

namespace VillageCraftPortal.Web.Search;

/// <summary>The search page's address in each culture.</summary>
public static class SearchPaths
{
    public static string Page(string culture) => culture == Cultures.English ? "/en/search" : "/vi/tim-kiem";
}
