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
        services.AddSingleton<HotVariants>();
        services.AddScoped<MediaUploadService>();
        return services;
    }

    /// <summary>Media is served by middleware early in the pipeline (like static files), not by routed endpoints.</summary>
    public static IApplicationBuilder UseMedia(this IApplicationBuilder app) => app.UseMiddleware<MediaMiddleware>();
}
