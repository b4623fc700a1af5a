using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Backoffice.Products;

/// <summary>
/// A new product in one of the user's villages. A village outside them, even forged into the form, is "not found";
/// invalid input comes back with every typed value and a message per field.
/// </summary>
[OutputCache(NoStore = true)]
public sealed class CreateModel(ProductCatalogue catalogue, ProductAccess access, ProductImages images, UiTexts texts) : PageModel
{
    [BindProperty]
    public ProductForm Form { get; set; } = new();

    public ProductFormView View { get; private set; } = null!;

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!access.CanCreate)
        {
            return Forbid();
        }

        Form = ProductForm.New(await access.ManagedVillagesAsync(cancellationToken));
        await ShowAsync([], cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await catalogue.CreateAsync(Form, cancellationToken);
        if (this.Settled(result.Status, texts, "bo.products.created", $"/backoffice/products/{result.Id}") is { } settled)
        {
            return settled;
        }

        await ShowAsync(result.ProblemList, cancellationToken);
        Notice = "bo.products.invalid";
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task ShowAsync(IReadOnlyList<FieldProblem> problems, CancellationToken cancellationToken)
    {
        var villages = await access.ManagedVillagesAsync(cancellationToken);
        var village = villages.Contains(Form.Village) ? Form.Village : null;
        View = new ProductFormView(Form, problems, villages, await images.ChoicesAsync(village, Form.Images, SiteCulture.Current, cancellationToken), _ => true);
    }
}
