using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Features.Shop;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Features.Products;

/// <summary>
/// One product: its facts, images and OCOP standing, a variant picker that posts to the cart without JavaScript, its
/// sources, and related products. Unknown or unlisted products get the localised 404.
/// </summary>
public sealed class ProductModel(ProductQuery products, Storefront storefront) : PageModel
{
    /// <summary>At or below this many, the picker says "only N left".</summary>
    public const int LowStock = 5;

    public const int MaxQuantity = 99;

    public Storefront Store => storefront;

    public string Culture { get; } = SiteCulture.Current;

    public Product Product { get; private set; } = null!;

    public IReadOnlyList<PublishedMedia> Images { get; private set; } = [];

    public IReadOnlyList<ProductCardRow> Related { get; private set; } = [];

    /// <summary>The variant picked when the page opens: the first one in stock.</summary>
    public ProductVariant? Preselected => Product.Variants.FirstOrDefault(v => v.Available > 0);

    public string VillageProductsUrl => ShopPaths.VillageProducts(Culture, Product.VillageCode);

    public string CartAddUrl => ShopPaths.Cart(Culture) + "?handler=add";

    public async Task<IActionResult> OnGetAsync(string alias, CancellationToken cancellationToken)
    {
        StorefrontPages.KeepOutOfOutputCache(HttpContext);
        if (await products.ListedAsync(alias, cancellationToken) is not { } product)
        {
            return NotFound();
        }

        Product = product;
        Images = [.. product.ImageKeys.Select(storefront.Image).OfType<PublishedMedia>()];
        Related = await products.RelatedAsync(product, cancellationToken);
        var crumbs = storefront.Breadcrumbs(
            Culture,
            new Breadcrumb(storefront.VillageName(product.VillageCode, Culture), VillageProductsUrl),
            new Breadcrumb(product.Name(Culture), ShopPaths.Product(Culture, product.Alias)));
        var meta = storefront.Meta(Culture, product.Name(Culture), c => ShopPaths.Product(c, product.Alias), crumbs, Summary(Description), Images.Count > 0 ? Images[0] : null);
        foreach (var data in ProductStructuredData.For(product, Culture, storefront, Images, crumbs))
        {
            meta.AddJsonLd(data);
        }

        ViewData.SetMeta(meta);
        return Page();
    }

    public string? Description => Localized(Product.DescriptionVi, Product.DescriptionEn);

    public string? Materials => Localized(Product.MaterialsVi, Product.MaterialsEn);

    public string? Care => Localized(Product.CareVi, Product.CareEn);

    public string? Notes => Localized(Product.NotesVi, Product.NotesEn);

    /// <summary>True when the English text is missing and the Vietnamese one is shown (marked lang="vi").</summary>
    public bool IsFallback(string? english) => Culture == "en" && string.IsNullOrWhiteSpace(english);

    public bool IsUnverified(string field) => Product.Unverified.Contains(field);

    /// <summary>"1,4 kg" or "800 g".</summary>
    public string Weight => Product.WeightGrams >= 1000
        ? $"{Formats.Number(Product.WeightGrams / 1000.0, Culture, 2)} kg"
        : $"{Product.WeightGrams} g";

    public string VariantLabel(ProductVariant variant) =>
        variant.LabelIn(Culture) is { Length: > 0 } label ? label : storefront.Texts.Get(Culture, "store.variant.standard");

    public string StockText(ProductVariant variant) => variant.Available switch
    {
        <= 0 => storefront.Texts.Get(Culture, "store.stock.out"),
        <= LowStock => storefront.Texts.Get(Culture, "store.stock.few", variant.Available),
        _ => storefront.Texts.Get(Culture, "store.stock.in"),
    };

    private string? Localized(string? vi, string? en) => Culture == "en" && !string.IsNullOrWhiteSpace(en) ? en : vi;

    private static string? Summary(string? text) =>
        text is null ? null : text.Length <= 160 ? text : string.Concat(text.AsSpan(0, text.LastIndexOf(' ', 157) is > 80 and var cut ? cut : 157), "…");
}
