using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Web.Content;

namespace VillageCraftPortal.Web.Backoffice.Products;

/// <summary>The OCOP values of a form once read: stars alone (unverified) or with a certificate.</summary>
public sealed record OcopValues(int? Stars, string? Number, DateOnly? Issued, DateOnly? Expires);

/// <summary>
/// Checks a product form field by field, only the fields the user may change, and says what is wrong in words a
/// person can act on. An OCOP expiry left empty is the issue date plus 36 months; one entered must fall after the
/// issue date and no later than that.
/// </summary>
public static class ProductFormValidator
{
    public static List<FieldProblem> Validate(ProductForm form, Func<string, bool> mayEditCulture, bool mayEditInvariant, IReadOnlyCollection<string> villages, DateOnly today)
    {
        var problems = new List<FieldProblem>();
        foreach (var culture in Cultures.All.Where(mayEditCulture))
        {
            foreach (var (field, maxLength, required) in ProductForm.TextFields(culture))
            {
                var text = form.TextOf(field)?.Trim();
                if (required && string.IsNullOrEmpty(text))
                {
                    problems.Add(new(field, culture == Cultures.English ? "bo.products.error.nameEnRequired" : "bo.products.error.nameViRequired"));
                }
                else if (text?.Length > maxLength)
                {
                    problems.Add(new(field, "bo.products.error.tooLong"));
                }
            }
        }

        if (mayEditInvariant)
        {
            ValidateInvariant(form, villages, today, problems);
        }

        return problems;
    }

    /// <summary>The OCOP values of a valid form.</summary>
    public static OcopValues Ocop(ProductForm form)
    {
        var stars = ProductInputs.Whole(form.OcopStars);
        var issued = ProductInputs.Date(form.OcopIssued);
        var expires = ProductInputs.Date(form.OcopExpires) ?? issued?.AddMonths(OcopCertificate.ValidityMonths);
        return stars is null ? new(null, null, null, null) : new(stars, ProductInputs.Text(form.OcopNumber), issued, issued is null ? null : expires);
    }

    private static void ValidateInvariant(ProductForm form, IReadOnlyCollection<string> villages, DateOnly today, List<FieldProblem> problems)
    {
        if (form.Village is null || !villages.Contains(form.Village))
        {
            problems.Add(new(nameof(ProductForm.Village), "bo.products.error.village"));
        }

        if (form.Category is null || !ProductCategory.IsKnown(form.Category))
        {
            problems.Add(new(nameof(ProductForm.Category), "bo.products.error.category"));
        }

        if (form.Dimensions?.Trim().Length > 200)
        {
            problems.Add(new(nameof(ProductForm.Dimensions), "bo.products.error.tooLong"));
        }

        if (ProductInputs.Whole(form.Weight) is not ({ } grams and > 0 and <= ProductForm.MaxWeightGrams))
        {
            problems.Add(new(nameof(ProductForm.Weight), "bo.products.error.weight"));
        }

        ValidateOcop(form, today, problems);
    }

    private static void ValidateOcop(ProductForm form, DateOnly today, List<FieldProblem> problems)
    {
        var (number, issuedText, expiresText) = (ProductInputs.Text(form.OcopNumber), ProductInputs.Text(form.OcopIssued), ProductInputs.Text(form.OcopExpires));
        if (ProductInputs.Text(form.OcopStars) is null)
        {
            if (number is not null || issuedText is not null || expiresText is not null)
            {
                problems.Add(new(nameof(ProductForm.OcopStars), "bo.products.error.ocopStarsMissing"));
            }

            return;
        }

        if (ProductInputs.Whole(form.OcopStars) is not { } stars || !OcopCertificate.IsValidStars(stars))
        {
            problems.Add(new(nameof(ProductForm.OcopStars), "bo.products.error.ocopStars"));
        }

        if (number?.Length > 80)
        {
            problems.Add(new(nameof(ProductForm.OcopNumber), "bo.products.error.tooLong"));
        }

        var issued = ProductInputs.Date(issuedText);
        var expires = ProductInputs.Date(expiresText);
        if ((issuedText is not null && issued is null) || (expiresText is not null && expires is null))
        {
            problems.Add(new(issued is null && issuedText is not null ? nameof(ProductForm.OcopIssued) : nameof(ProductForm.OcopExpires), "bo.products.error.date"));
            return;
        }

        if ((number is null) != (issued is null) || (expires is not null && issued is null))
        {
            problems.Add(new(number is null ? nameof(ProductForm.OcopNumber) : nameof(ProductForm.OcopIssued), "bo.products.error.ocopCertificate"));
            return;
        }

        if (issued > today)
        {
            problems.Add(new(nameof(ProductForm.OcopIssued), "bo.products.error.ocopIssuedFuture"));
        }

        if (expires is { } until && issued is { } from && (until <= from || until > from.AddMonths(OcopCertificate.ValidityMonths)))
        {
            problems.Add(new(nameof(ProductForm.OcopExpires), "bo.products.error.ocopExpires"));
        }
    }
}
