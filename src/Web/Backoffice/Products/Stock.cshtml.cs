using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Backoffice.Products;

/// <summary>
/// A variant's stock: record a change (received, damaged, returned, correction) or a count, and read its ledger,
/// newest first. For the village's staff only; translators and other villages never see it.
/// </summary>
[OutputCache(NoStore = true)]
public sealed class StockModel(VariantEditing variants, StockAdjustments adjustments, ProductAccess access, UiTexts texts) : PageModel
{
    public const int PageSize = 50;

    [BindProperty]
    public StockChangeForm Change { get; set; } = new();

    [BindProperty]
    public StockCountForm Count { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public ProductVariant Variant { get; private set; } = null!;

    public IReadOnlyList<LedgerLine> Ledger { get; private set; } = [];

    public IReadOnlyList<FieldProblem> Problems { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Show(null);

    public async Task<IActionResult> OnPostChangeAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Answer(id, await adjustments.ChangeAsync(id, Change, cancellationToken), "bo.products.stock.notEnough");

    public async Task<IActionResult> OnPostCountAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Answer(id, await adjustments.CountAsync(id, Count, cancellationToken), "bo.products.stock.changedMeanwhile");

    private IActionResult Answer(int id, StockChangeResult result, string refusalKey)
    {
        switch (result.Status)
        {
            case StockChangeStatus.Done:
                TempData["Message"] = texts.Get(SiteCulture.Current, "bo.products.stock.recorded", result.Available);
                return Redirect($"/backoffice/products/variants/{id}/stock");
            case StockChangeStatus.NotFound:
                return NotFound();
            case StockChangeStatus.Forbidden:
                return Forbid();
        }

        // The page shows the figure as it is now, so a count can be made again against it; what was typed stays.
        Variant.Available = result.Status == StockChangeStatus.Invalid ? Variant.Available : result.Available;
        Problems = result.Problems ?? [];
        return Show(result.Status == StockChangeStatus.Invalid ? "bo.products.invalid" : refusalKey, StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>Loads the variant and ledger; an answer (404, 403) when the user may not work on its stock.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await variants.FindAsync(id, cancellationToken) is not { } variant)
        {
            return NotFound();
        }

        if (!access.CanManage(variant.Product.VillageCode))
        {
            return Forbid();
        }

        Variant = variant;
        Ledger = await adjustments.LedgerAsync(id, Before, PageSize, cancellationToken);
        return null;
    }

    private PageResult Show(string? notice, int status = StatusCodes.Status200OK)
    {
        Notice = notice;
        Count.Shown = Variant.Available;
        Response.StatusCode = status;
        return Page();
    }
}
