using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using VillageCraftPortal.Commerce.Catalogue;

namespace VillageCraftPortal.Web.Backoffice.Products;

/// <summary>The products of the user's villages, filtered and searched, newest first, with keyset paging.</summary>
[OutputCache(NoStore = true)]
public sealed class IndexModel(ProductList list, ProductAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Village { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Listed { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Low { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Before { get; set; }

    public IReadOnlyList<string> Villages { get; private set; } = [];

    public IReadOnlyList<ProductRow> Rows { get; private set; } = [];

    public bool CanCreate => access.CanCreate;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Villages = await access.VisibleVillagesAsync(cancellationToken);
        Village = Villages.Contains(Village) ? Village : null;
        Category = Category is not null && ProductCategory.IsKnown(Category) ? Category : null;
        Listed = Listed is "yes" or "no" ? Listed : null;
        Rows = await list.PageAsync(new ProductFilter(Village, Category, Listed, Low, Q), Before, cancellationToken);
    }

    public bool HasNextPage => Rows.Count == ProductList.PageSize;

    public string NextPageLink() =>
        $"?village={Uri.EscapeDataString(Village ?? "")}&category={Uri.EscapeDataString(Category ?? "")}&listed={Listed}&low={(Low ? "true" : "false")}&q={Uri.EscapeDataString(Q ?? "")}&before={Rows[^1].Id}";
}
