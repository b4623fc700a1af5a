using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Pricing;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Features.Shop;
using VillageCraftPortal.Web.Media.Processing;
using VillageCraftPortal.Web.Media.Serving;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Features.Products;

/// <summary>
/// schema.org JSON-LD for a product page: the Product with one Offer per variant (an AggregateOffer when there are
/// several), priced in whole đồng with priceCurrency VND (never ×100), and the breadcrumb trail. OCOP stars are not
/// put in AggregateRating: they are a certification, not reviews.
/// </summary>
public static class ProductStructuredData
{
    private const string Context = "https://schema.org";

    public static IEnumerable<object> For(Product product, string culture, Storefront store, IReadOnlyList<PublishedMedia> images, IReadOnlyList<Breadcrumb> breadcrumbs)
    {
        yield return new Dictionary<string, object?>
        {
            ["@context"] = Context,
            ["@type"] = "BreadcrumbList",
            ["itemListElement"] = breadcrumbs.Select((b, i) => new Dictionary<string, object?>
            {
                ["@type"] = "ListItem",
                ["position"] = i + 1,
                ["name"] = b.Name,
                ["item"] = store.Absolute(b.Url),
            }).ToList(),
        };

        var url = store.Absolute(ShopPaths.Product(culture, product.Alias));
        var seller = Seller(product, culture, store);
        var offers = product.Variants.Select(v => Compact(new Dictionary<string, object?>
        {
            ["@type"] = "Offer",
            ["sku"] = v.Sku,
            ["name"] = v.LabelIn(culture) is { Length: > 0 } label ? label : null,
            ["price"] = v.Price,
            ["priceCurrency"] = Vnd.CurrencyCode,
            ["availability"] = Availability(v.Available > 0),
            ["itemCondition"] = $"{Context}/NewCondition",
            ["url"] = url,
            ["seller"] = seller,
        })).ToList();
        var description = culture == "en" ? product.DescriptionEn ?? product.DescriptionVi : product.DescriptionVi;
        yield return Compact(new Dictionary<string, object?>
        {
            ["@context"] = Context,
            ["@type"] = "Product",
            ["name"] = product.Name(culture),
            ["description"] = description,
            ["url"] = url,
            ["sku"] = product.Variants.Count == 1 ? product.Variants[0].Sku : null,
            ["productID"] = product.Alias,
            ["category"] = store.Category(product.Category),
            ["image"] = images.Count == 0 ? null : images.Select(i => store.Absolute(MediaUrls.Preset(i, ImagePresets.OpenGraph, 1200))).ToList(),
            ["brand"] = new Dictionary<string, object?> { ["@type"] = "Brand", ["name"] = seller["name"] },
            ["manufacturer"] = seller,
            ["weight"] = product.WeightGrams > 0
                ? new Dictionary<string, object?> { ["@type"] = "QuantitativeValue", ["value"] = product.WeightGrams, ["unitCode"] = "GRM" }
                : null,
            ["offers"] = offers.Count == 1 ? offers[0] : new Dictionary<string, object?>
            {
                ["@type"] = "AggregateOffer",
                ["priceCurrency"] = Vnd.CurrencyCode,
                ["lowPrice"] = product.Variants.Min(v => v.Price),
                ["highPrice"] = product.Variants.Max(v => v.Price),
                ["offerCount"] = offers.Count,
                ["availability"] = Availability(product.Variants.Any(v => v.Available > 0)),
                ["offers"] = offers,
            },
        });
    }

    private static string Availability(bool inStock) => $"{Context}/{(inStock ? "InStock" : "OutOfStock")}";

    /// <summary>The village's design centre makes and sells the product; the village stands in if it has no centre page.</summary>
    private static Dictionary<string, object?> Seller(Product product, string culture, Storefront store)
    {
        var place = store.Centre(product.VillageCode) ?? store.Village(product.VillageCode);
        return Compact(new Dictionary<string, object?>
        {
            ["@type"] = "Organization",
            ["name"] = place?.Name(culture).Value ?? product.VillageCode,
            ["url"] = place is null ? null : store.Absolute(place.Url(culture)),
        });
    }

    /// <summary>Leaves out what is unknown (the serializer keeps null dictionary entries).</summary>
    private static Dictionary<string, object?> Compact(Dictionary<string, object?> data)
    {
        foreach (var key in data.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList())
        {
            data.Remove(key);
        }

        return data;
    }
}
