using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Backoffice.Products;

/// <summary>
/// One variant: SKU, prices, options. Removing it is refused once it was ordered (the orders keep referring to it);
/// the product can be taken off sale instead.
/// </summary>
[OutputCache(NoStore = true)]
public sealed class VariantModel(VariantEditing variants, ProductAccess access, UiTexts texts) : PageModel
{
    [BindProperty]
    public VariantForm Form { get; set; } = new();

    public ProductVariant Variant { get; private set; } = null!;

    public VariantFormView View { get; private set; } = null!;

    public string? Notice { get; private set; }

    public bool Conflict { get; private set; }

    public bool CanManage => access.CanManage(Variant.Product.VillageCode);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await variants.FindAsync(id, cancellationToken) is not { } variant)
        {
            return NotFound();
        }

        Show(variant, VariantForm.From(variant), []);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken)
    {
        var result = await variants.SaveAsync(id, Form, cancellationToken);
        if (this.Settled(result.Status, texts, "bo.products.variant.saved", $"/backoffice/products/variants/{id}") is { } settled)
        {
            return settled;
        }

        if (await variants.FindAsync(id, cancellationToken) is not { } variant)
        {
            return NotFound();
        }

        Conflict = result.Status == ProductSaveStatus.Conflict;
        var typed = Form;
        Show(variant, Merge(VariantForm.From(variant), typed, variant), result.ProblemList);
        Form.Revision = Conflict ? variant.Revision : typed.Revision;
        Notice = Conflict ? "bo.products.variant.conflict" : "bo.products.invalid";
        Response.StatusCode = Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        var result = await variants.RemoveAsync(id, cancellationToken);
        return this.Settled(result.Status, texts, "bo.products.variant.removed", $"/backoffice/products/{result.Id}")
            ?? this.Told(texts, "bo.products.variant.hasOrders", $"/backoffice/products/variants/{id}");
    }

    private Func<string?, bool> CanEdit(ProductVariant variant) =>
        culture => culture is null ? access.CanManage(variant.Product.VillageCode) : access.CanEditTexts(variant.Product.VillageCode, culture);

    /// <summary>The saved variant with what was typed where the user may type.</summary>
    private VariantForm Merge(VariantForm saved, VariantForm typed, ProductVariant variant)
    {
        var canEdit = CanEdit(variant);
        if (canEdit(Cultures.Vietnamese))
        {
            (saved.SizeVi, saved.ColourVi, saved.PatternVi) = (typed.SizeVi, typed.ColourVi, typed.PatternVi);
        }

        if (canEdit(Cultures.English))
        {
            (saved.SizeEn, saved.ColourEn, saved.PatternEn) = (typed.SizeEn, typed.ColourEn, typed.PatternEn);
        }

        if (canEdit(null))
        {
            (saved.Sku, saved.Price, saved.CompareAt, saved.SortOrder) = (typed.Sku, typed.Price, typed.CompareAt, typed.SortOrder);
        }

        return saved;
    }

    private void Show(ProductVariant variant, VariantForm form, IReadOnlyList<FieldProblem> problems)
    {
        (Variant, Form) = (variant, form);
        View = new VariantFormView(form, problems, IsNew: false, CanEdit(variant));
    }
}
