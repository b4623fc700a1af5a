using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Features.Shop;

namespace VillageCraftPortal.Web.Features.Products;

/// <summary>The storefront's pages, reached at the addresses <see cref="ShopPaths"/> gives in each culture.</summary>
public static class StorefrontPages
{
    public const string VillageRouteValue = "villageCode";
    public const string AliasRouteValue = "alias";

    public static IServiceCollection AddStorefrontPages(this IServiceCollection services)
    {
        services.AddScoped<Storefront>();
        services.AddScoped<CatalogueQuery>();
        services.AddScoped<ProductQuery>();
        services.Configure<RazorPagesOptions>(options =>
        {
            Route(options, "/Features/Products/Index", c => ShopPaths.Products(c), c => ShopPaths.VillageProducts(c, $"{{{VillageRouteValue}}}"));
            Route(options, "/Features/Products/Product", c => ShopPaths.Product(c, $"{{{AliasRouteValue}}}"));
        });
        return services;
    }

    /// <summary>
    /// Stock and prices change with every order, so these pages are never kept in the output cache: each request reads
    /// the database (a cached page would also carry one visitor's antiforgery token to another).
    /// </summary>
    public static void KeepOutOfOutputCache(HttpContext context)
    {
        if (context.Features.Get<IOutputCacheFeature>() is { } cache)
        {
            cache.Context.AllowCacheStorage = false;
        }
    }

    internal static void Route(RazorPagesOptions options, string page, params Func<string, string>[] paths) =>
        options.Conventions.AddPageRouteModelConvention(page, model =>
        {
            // Only the shop's addresses: the page is not reachable by its file path.
            model.Selectors.Clear();
            foreach (var path in paths)
            {
                foreach (var culture in Cultures.All)
                {
                    model.Selectors.Add(new SelectorModel { AttributeRouteModel = new AttributeRouteModel { Template = path(culture).TrimStart('/') } });
                }
            }
        });
}
