using System.Globalization;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Web.Content;

namespace VillageCraftPortal.Web.Backoffice.Products;

/// <summary>
/// A variant as typed: SKU, options in both languages, prices in whole đồng, sort order, and for a new variant the
/// stock received with it. Checked only for the fields the user may change.
/// </summary>
public sealed class VariantForm
{
    public const int MaxOpeningStock = 1_000_000;

    public string? Sku { get; set; }

    public string? SizeVi { get; set; }

    public string? SizeEn { get; set; }

    public string? ColourVi { get; set; }

    public string? ColourEn { get; set; }

    public string? PatternVi { get; set; }

    public string? PatternEn { get; set; }

    public string? Price { get; set; }

    public string? CompareAt { get; set; }

    public string? SortOrder { get; set; }

    public string? OpeningStock { get; set; }

    public int Revision { get; set; }

    public static VariantForm From(ProductVariant v) => new()
    {
        Sku = v.Sku,
        SizeVi = v.Size,
        SizeEn = v.SizeEn,
        ColourVi = v.Colour,
        ColourEn = v.ColourEn,
        PatternVi = v.Pattern,
        PatternEn = v.PatternEn,
        Price = v.Price.ToString(CultureInfo.InvariantCulture),
        CompareAt = v.CompareAtPrice?.ToString(CultureInfo.InvariantCulture),
        SortOrder = v.SortOrder.ToString(CultureInfo.InvariantCulture),
        Revision = v.Revision,
    };

    /// <summary>The option fields of the form: (Vietnamese field, English field).</summary>
    public static readonly IReadOnlyList<(string Vi, string En)> Options =
        [(nameof(SizeVi), nameof(SizeEn)), (nameof(ColourVi), nameof(ColourEn)), (nameof(PatternVi), nameof(PatternEn))];

    public string? OptionOf(string field) => field switch
    {
        nameof(SizeVi) => SizeVi,
        nameof(SizeEn) => SizeEn,
        nameof(ColourVi) => ColourVi,
        nameof(ColourEn) => ColourEn,
        nameof(PatternVi) => PatternVi,
        nameof(PatternEn) => PatternEn,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>
    /// The problems of the fields the user may change. <paramref name="current"/> is the variant as saved (null for a
    /// new one): its Vietnamese options count when a translator adds English ones.
    /// </summary>
    public List<FieldProblem> Validate(Func<string, bool> mayEditCulture, bool mayEditInvariant, ProductVariant? current)
    {
        var problems = new List<FieldProblem>();
        foreach (var (vi, en) in Options)
        {
            var viText = mayEditCulture(Cultures.Vietnamese) ? ProductInputs.Text(OptionOf(vi)) : CurrentOption(current, vi);
            foreach (var (field, culture) in new[] { (vi, Cultures.Vietnamese), (en, Cultures.English) }.Where(f => mayEditCulture(f.Item2)))
            {
                if (ProductInputs.Text(OptionOf(field))?.Length > 80)
                {
                    problems.Add(new(field, "bo.products.error.tooLong"));
                }
                else if (culture == Cultures.English && viText is null && ProductInputs.Text(OptionOf(field)) is not null)
                {
                    problems.Add(new(field, "bo.products.error.optionNeedsVi"));
                }
            }
        }

        if (mayEditInvariant)
        {
            ValidateInvariant(current, problems);
        }

        return problems;
    }

    public void ApplyTexts(ProductVariant variant, string culture)
    {
        if (culture == Cultures.English)
        {
            (variant.SizeEn, variant.ColourEn, variant.PatternEn) = (ProductInputs.Text(SizeEn), ProductInputs.Text(ColourEn), ProductInputs.Text(PatternEn));
        }
        else
        {
            (variant.Size, variant.Colour, variant.Pattern) = (ProductInputs.Text(SizeVi), ProductInputs.Text(ColourVi), ProductInputs.Text(PatternVi));
        }
    }

    public void ApplyInvariant(ProductVariant variant)
    {
        variant.Sku = ProductInputs.Sku(Sku).Sku;
        variant.Price = ProductInputs.Dong(Price, required: true).Amount!.Value;
        variant.CompareAtPrice = ProductInputs.Dong(CompareAt, required: false).Amount;
        variant.SortOrder = ProductInputs.Whole(SortOrder) ?? variant.SortOrder;
    }

    public int OpeningStockQuantity() => ProductInputs.Whole(OpeningStock) ?? 0;

    private void ValidateInvariant(ProductVariant? current, List<FieldProblem> problems)
    {
        if (ProductInputs.Sku(Sku).Problem is { } sku)
        {
            problems.Add(new(nameof(Sku), sku));
        }

        var (price, priceProblem) = ProductInputs.Dong(Price, required: true);
        if (priceProblem is not null)
        {
            problems.Add(new(nameof(Price), priceProblem));
        }

        var (compareAt, compareProblem) = ProductInputs.Dong(CompareAt, required: false);
        if (compareProblem is not null)
        {
            problems.Add(new(nameof(CompareAt), compareProblem));
        }
        else if (compareAt is { } earlier && price is { } now && earlier <= now)
        {
            problems.Add(new(nameof(CompareAt), "bo.products.error.compareAt"));
        }

        if (ProductInputs.Text(SortOrder) is not null && ProductInputs.Whole(SortOrder) is not (>= 0 and <= 10_000))
        {
            problems.Add(new(nameof(SortOrder), "bo.products.error.sortOrder"));
        }

        if (current is null && ProductInputs.Text(OpeningStock) is not null && ProductInputs.Whole(OpeningStock) is not (>= 0 and <= MaxOpeningStock))
        {
            problems.Add(new(nameof(OpeningStock), "bo.products.error.openingStock"));
        }
    }

    private static string? CurrentOption(ProductVariant? current, string field) => field switch
    {
        nameof(SizeVi) => current?.Size,
        nameof(ColourVi) => current?.Colour,
        _ => current?.Pattern,
    };
}
