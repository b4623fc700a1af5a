using System.Globalization;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Web.Content;

namespace VillageCraftPortal.Web.Backoffice.Products;

/// <summary>A field that needs correcting, by the form's field name, with the text key of the message.</summary>
public sealed record FieldProblem(string Field, string MessageKey);

/// <summary>
/// The product form as typed: strings, so that whatever someone entered comes back to them when it cannot be saved.
/// Texts are plain text (as the seed content and the export write them); line breaks are kept.
/// </summary>
public sealed class ProductForm
{
    public const int MaxWeightGrams = 1_000_000;

    public string? Village { get; set; }

    public string? Category { get; set; }

    public string? NameVi { get; set; }

    public string? NameEn { get; set; }

    public string? DescriptionVi { get; set; }

    public string? DescriptionEn { get; set; }

    public string? MaterialsVi { get; set; }

    public string? MaterialsEn { get; set; }

    public string? CareVi { get; set; }

    public string? CareEn { get; set; }

    public string? Dimensions { get; set; }

    public string? Weight { get; set; }

    public bool Perishable { get; set; }

    public string? OcopStars { get; set; }

    public string? OcopNumber { get; set; }

    public string? OcopIssued { get; set; }

    public string? OcopExpires { get; set; }

    public List<string> Images { get; set; } = [];

    public bool Listed { get; set; }

    public bool Illustrative { get; set; }

    public int Revision { get; set; }

    public static ProductForm From(Product p) => new()
    {
        Village = p.VillageCode,
        Category = p.Category,
        NameVi = p.NameVi,
        NameEn = p.NameEn,
        DescriptionVi = p.DescriptionVi,
        DescriptionEn = p.DescriptionEn,
        MaterialsVi = p.MaterialsVi,
        MaterialsEn = p.MaterialsEn,
        CareVi = p.CareVi,
        CareEn = p.CareEn,
        Dimensions = p.Dimensions,
        Weight = p.WeightGrams.ToString(CultureInfo.InvariantCulture),
        Perishable = p.Perishable,
        OcopStars = p.OcopStars?.ToString(CultureInfo.InvariantCulture),
        OcopNumber = p.OcopCertificateNumber,
        OcopIssued = p.OcopIssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        OcopExpires = p.OcopExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Images = [.. p.ImageKeys],
        Listed = p.IsListed,
        Illustrative = p.Illustrative,
        Revision = p.Revision,
    };

    /// <summary>A new product's form: listed, and in the village when the user has only one.</summary>
    public static ProductForm New(IReadOnlyList<string> villages) => new() { Village = villages.Count == 1 ? villages[0] : null, Listed = true };

    /// <summary>
    /// This (saved) form with what was typed in the fields the user may change: what a refused save shows again,
    /// with the saved values where the inputs were disabled and so posted nothing.
    /// </summary>
    public ProductForm WithTyped(ProductForm typed, Func<string?, bool> canEdit)
    {
        if (canEdit(Cultures.Vietnamese))
        {
            (NameVi, DescriptionVi, MaterialsVi, CareVi) = (typed.NameVi, typed.DescriptionVi, typed.MaterialsVi, typed.CareVi);
        }

        if (canEdit(Cultures.English))
        {
            (NameEn, DescriptionEn, MaterialsEn, CareEn) = (typed.NameEn, typed.DescriptionEn, typed.MaterialsEn, typed.CareEn);
        }

        if (canEdit(null))
        {
            (Village, Category, Dimensions, Weight, Perishable, Listed, Illustrative) =
                (typed.Village, typed.Category, typed.Dimensions, typed.Weight, typed.Perishable, typed.Listed, typed.Illustrative);
            (OcopStars, OcopNumber, OcopIssued, OcopExpires, Images) = (typed.OcopStars, typed.OcopNumber, typed.OcopIssued, typed.OcopExpires, typed.Images);
        }

        return this;
    }

    /// <summary>The texts of one culture, by field suffix, for checks and copying.</summary>
    public static IEnumerable<(string Field, int MaxLength, bool Required)> TextFields(string culture)
    {
        var suffix = culture == Cultures.English ? "En" : "Vi";
        yield return ($"Name{suffix}", 200, true);
        yield return ($"Description{suffix}", 8000, false);
        yield return ($"Materials{suffix}", 500, false);
        yield return ($"Care{suffix}", 1000, false);
    }

    public string? TextOf(string field) => field switch
    {
        nameof(NameVi) => NameVi,
        nameof(NameEn) => NameEn,
        nameof(DescriptionVi) => DescriptionVi,
        nameof(DescriptionEn) => DescriptionEn,
        nameof(MaterialsVi) => MaterialsVi,
        nameof(MaterialsEn) => MaterialsEn,
        nameof(CareVi) => CareVi,
        nameof(CareEn) => CareEn,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>Copies one culture's texts onto the product (already validated).</summary>
    public void ApplyTexts(Product product, string culture)
    {
        if (culture == Cultures.English)
        {
            product.NameEn = NameEn!.Trim();
            (product.DescriptionEn, product.MaterialsEn, product.CareEn) = (ProductInputs.Text(DescriptionEn), ProductInputs.Text(MaterialsEn), ProductInputs.Text(CareEn));
        }
        else
        {
            product.NameVi = NameVi!.Trim();
            (product.DescriptionVi, product.MaterialsVi, product.CareVi) = (ProductInputs.Text(DescriptionVi), ProductInputs.Text(MaterialsVi), ProductInputs.Text(CareVi));
        }
    }

    /// <summary>Copies the values that do not vary by culture (already validated; images checked by the caller).</summary>
    public void ApplyInvariant(Product product)
    {
        product.VillageCode = Village!;
        product.Category = Category!;
        product.Dimensions = ProductInputs.Text(Dimensions);
        product.WeightGrams = ProductInputs.Whole(Weight)!.Value;
        product.Perishable = Perishable;
        product.IsListed = Listed;
        product.Illustrative = Illustrative;
        product.ImageKeys = [.. Images.Distinct(StringComparer.Ordinal)];
        var ocop = ProductFormValidator.Ocop(this);
        (product.OcopStars, product.OcopCertificateNumber, product.OcopIssuedOn, product.OcopExpiresOn) =
            (ocop.Stars, ocop.Number, ocop.Issued, ocop.Expires);
    }
}
