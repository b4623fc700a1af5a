using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Features.Errors;
using VillageCraftPortal.Web.Features.Products;
using VillageCraftPortal.Web.Features.Seo;
using VillageCraftPortal.Web.Infrastructure;
using VillageCraftPortal.Web.Infrastructure.Web;
using VillageCraftPortal.Web.Media;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Features;

public static class PublicSiteExtensions
{
    public const string ContentCachePolicy = "content";
    public const string ContentCacheTag = "content";

    public static IServiceCollection AddPublicSite(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Backoffice", Backoffice.BackofficeExtensions.Policy);
            // Pages live in their feature folders (Features/…, Backoffice/…), each with an explicit route.
            options.RootDirectory = "/";
            // Content pages are reached only through the content route, never by their file path.
            options.Conventions.AddFolderRouteModelConvention("/", model =>
            {
                if (ContentPages.ByType.Values.Contains(model.ViewEnginePath))
                {
                    // One selector per page (an Index page gets two), so the dynamic route finds exactly one endpoint.
                    while (model.Selectors.Count > 1)
                    {
                        model.Selectors.RemoveAt(model.Selectors.Count - 1);
                    }

                    model.Selectors[0].AttributeRouteModel!.SuppressPathMatching = true;
                }
            });
        }).AddDataAnnotationsLocalization();
        services.AddStorefrontPages();
        services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizerFactory, UiTextsLocalizerFactory>();
        services.Configure<RazorViewEngineOptions>(options =>
        {
            options.PageViewLocationFormats.Add("/Shared/{0}" + RazorViewEngine.ViewExtension);
            options.PageViewLocationFormats.Add("/Backoffice/Shared/{0}" + RazorViewEngine.ViewExtension);
        });
        services.AddSingleton<UiTexts>();
        services.AddSingleton<ContentRouteTransformer>();
        services.AddOutputCache(options =>
        {
            // The snapshot's version is part of the key: once a new snapshot is live no request can get a page cached
            // from the old one, even before the eviction below has run.
            options.AddPolicy(ContentCachePolicy, policy => policy
                .Expire(TimeSpan.FromMinutes(10))
                .SetVaryByQuery("*")
                .VaryByValue(context => new KeyValuePair<string, string>(
                    "snapshot", context.RequestServices.GetRequiredService<PublishedSnapshotAccessor>().Current.Version.ToString(CultureInfo.InvariantCulture)))
                .Tag(ContentCacheTag));
        });
        services.AddHostedService<OutputCacheInvalidator>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            CultureInfo[] supported = [Cultures.Info(Cultures.Vietnamese), Cultures.Info(Cultures.English)];
            options.DefaultRequestCulture = new RequestCulture(supported[0]);
            options.SupportedCultures = supported;
            options.SupportedUICultures = supported;
            options.RequestCultureProviders = [new PathCultureProvider()];
        });
        return services;
    }

    public static WebApplication UseSiteMiddleware(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<SiteOptions>>().Value.DetailedErrors)
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler(ErrorEndpoints.ExceptionPath);
        }

        app.UseMedia();
        app.UseStatusCodePagesWithReExecute(ErrorEndpoints.StatusPathFormat);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<CanonicalPathMiddleware>();
        app.UseMiddleware<RedirectMiddleware>();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseOutputCache();
        return app;
    }

    public static WebApplication MapPublicSite(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapSeo();
        app.MapRazorPages().WithStaticAssets().CacheOutput(ContentCachePolicy);
        app.MapDynamicPageRoute<ContentRouteTransformer>("{culture:regex(^(vi|en)$)}/{**path}");
        return app;
    }

    /// <summary>Drops cached pages whenever a new published snapshot goes live.</summary>
    private sealed class OutputCacheInvalidator(PublishedSnapshotAccessor snapshots, IOutputCacheStore store) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            snapshots.Swapped += Evict;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            snapshots.Swapped -= Evict;
            return Task.CompletedTask;
        }

        private void Evict(PublishedSnapshot snapshot) =>
            _ = store.EvictByTagAsync(ContentCacheTag, CancellationToken.None).AsTask();
    }
}
