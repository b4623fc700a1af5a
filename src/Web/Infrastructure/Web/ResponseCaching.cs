namespace VillageCraftPortal.Web.Infrastructure.Web;

/// <summary>Cache headers for personal pages.</summary>
public static class ResponseCaching
{
    /// <summary>
    /// Keeps a personal page (cart, checkout, order status) out of every cache. The value is exactly what antiforgery
    /// writes on pages with a form, so it does not log a warning about overriding ours on every such response.
    /// </summary>
    public static void NeverStored(this HttpResponse response)
    {
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers.Pragma = "no-cache";
    }
}
