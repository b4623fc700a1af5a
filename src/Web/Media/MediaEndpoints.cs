using VillageCraftPortal.Web.Media.Serving;
using VillageCraftPortal.Web.Media.Upload;

namespace VillageCraftPortal.Web.Media;

public static class MediaEndpoints
{
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MediaOriginals>();
        services.AddSingleton<ImageValidator>();
        services.AddSingleton<VariantCache>();
        services.AddSingleton<ImageUrlSigner>();
        services.AddSingleton<VariantRequests>();
        services.AddScoped<MediaUploadService>();
        return services;
    }

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder endpoints)
    {
        var media = endpoints.MapGroup("/media/{id:regex(^[0-9a-f]{{32}}$)}").ExcludeFromDescription();
        media.MapMethods("/{preset}/{width:int}", ["GET", "HEAD"], (HttpContext context, string id, string preset, int width, VariantRequests requests) =>
            requests.PresetAsync(context, id, preset, width));
        media.MapMethods("/custom", ["GET", "HEAD"], (HttpContext context, string id, VariantRequests requests) =>
            requests.CustomAsync(context, id));
        return endpoints;
    }
}
