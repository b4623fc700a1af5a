using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Backoffice.Products;

/// <summary>
/// One product: its texts side by side in both languages, its details, OCOP, images and variants. Outside the user's
/// villages it is "not found"; a save from an older revision is refused (409) and shows what the person typed.
/// </summary>
[OutputCache(NoStore = true)]
public sealed class EditModel(ProductCatalogue catalogue, ProductAccess access, ProductImages images, UiTexts texts) : PageModel
{
    [BindProperty]
    public ProductForm Form { get; set; } = new();

    public Product Product { get; private set; } = null!;

    public ProductFormView View { get; private set; } = null!;

    public string? Notice { get; private set; }

    public bool Conflict { get; private set; }

    public bool CanManage => access.CanManage(Product.VillageCode);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await catalogue.FindAsync(id, cancellationToken) is not { } product)
        {
            return NotFound();
        }

        await ShowAsync(product, ProductForm.From(product), [], cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken)
    {
        var result = await catalogue.SaveAsync(id, Form, cancellationToken);
        if (await RefusedAsync(result, id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Conflict = result.Status == ProductSaveStatus.Conflict;
        Notice = Conflict ? "bo.products.conflict" : "bo.products.invalid";
        Response.StatusCode = Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var result = await catalogue.DeleteAsync(id, cancellationToken);
        return this.Settled(result.Status, texts, "bo.products.deleted", "/backoffice/products")
            ?? this.Told(texts, "bo.products.deleteHasOrders", $"/backoffice/products/{id}");
    }

    /// <summary>The answer for everything but a refused save: not found, forbidden, or saved (back to the page).</summary>
    private async Task<IActionResult?> RefusedAsync(ProductSaveResult result, int id, CancellationToken cancellationToken)
    {
        if (this.Settled(result.Status, texts, "bo.products.saved", $"/backoffice/products/{id}") is { } settled)
        {
            return settled;
        }

        var product = await catalogue.FindAsync(id, cancellationToken);
        if (product is null)
        {
            return NotFound();
        }

        // The saved values where the user could not type, theirs elsewhere, and the revision now saved: saving
        // again after a conflict is a deliberate choice to replace the other person's change.
        var shown = ProductForm.From(product).WithTyped(Form, CanEdit(product));
        shown.Revision = result.Status == ProductSaveStatus.Conflict ? product.Revision : Form.Revision;
        await ShowAsync(product, shown, result.ProblemList, cancellationToken);
        return null;
    }

    private Func<string?, bool> CanEdit(Product product) =>
        culture => culture is null ? access.CanManage(product.VillageCode) : access.CanEditTexts(product.VillageCode, culture);

    private async Task ShowAsync(Product product, ProductForm form, IReadOnlyList<FieldProblem> problems, CancellationToken cancellationToken)
    {
        (Product, Form) = (product, form);
        var canEdit = CanEdit(product);
        var villages = canEdit(null) ? await access.ManagedVillagesAsync(cancellationToken) : [product.VillageCode];
        var village = villages.Contains(form.Village) ? form.Village : product.VillageCode;
        var choices = await images.ChoicesAsync(canEdit(null) ? village : null, form.Images, SiteCulture.Current, cancellationToken);
        View = new ProductFormView(form, problems, villages, choices, canEdit);
    }
}
