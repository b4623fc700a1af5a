using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Backoffice.Products;

/// <summary>A new variant of a product, with the stock received with it (recorded in the ledger as received).</summary>
[OutputCache(NoStore = true)]
public sealed class AddVariantModel(ProductCatalogue catalogue, VariantEditing variants, ProductAccess access, UiTexts texts) : PageModel
{
    [BindProperty]
    public VariantForm Form { get; set; } = new();

    public Product Product { get; private set; } = null!;

    public VariantFormView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await catalogue.FindAsync(id, cancellationToken) is not { } product)
        {
            return NotFound();
        }

        if (!access.CanManage(product.VillageCode))
        {
            return Forbid();
        }

        Show(product, new VariantForm(), []);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await variants.AddAsync(id, Form, cancellationToken);
        if (this.Settled(result.Status, texts, "bo.products.variant.added", $"/backoffice/products/{id}") is { } settled)
        {
            return settled;
        }

        if (await catalogue.FindAsync(id, cancellationToken) is not { } product)
        {
            return NotFound();
        }

        Show(product, Form, result.ProblemList);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private void Show(Product product, VariantForm form, IReadOnlyList<FieldProblem> problems)
    {
        (Product, Form) = (product, form);
        View = new VariantFormView(form, problems, IsNew: true, _ => true);
    }
}
