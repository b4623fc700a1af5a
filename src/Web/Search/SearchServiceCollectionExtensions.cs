using Microsoft.Extensions.Diagnostics.HealthChecks;
using VillageCraftPortal.Web.Infrastructure.Cli;
using VillageCraftPortal.Web.Infrastructure.Health;

namespace VillageCraftPortal.Web.Search;

public static class SearchServiceCollectionExtensions
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddSingleton<SearchIndex>();
        services.AddSingleton<PopularSearches>();
        services.AddSingleton(sp => PostingsCache.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<SearchService>();
        services.AddSingleton<Commerce.Stock.IStockObserver, CatalogueStockObserver>();
        services.AddSingleton<SearchSignal>();
        services.AddScoped<SearchSources>();
        services.AddSingleton<SearchIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
        services.AddSingleton<ICliVerb, SearchVerb>();
        services.AddHealthChecks().AddCheck<SearchReadiness>("search", tags: [ReadinessHealthCheck.Tag]);
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(options =>
            Features.Products.StorefrontPages.Route(options, "/Features/Search/Index", SearchPaths.Page));
        return services;
    }
}

/// <summary>/health/ready waits for the index: open, and caught up with the database once.</summary>
public sealed class SearchReadiness(SearchIndexer indexer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(indexer.IsReady ? HealthCheckResult.Healthy("search index ready") : HealthCheckResult.Unhealthy("search index starting"));
}
