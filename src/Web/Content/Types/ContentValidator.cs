using System.Text.Json.Nodes;

namespace VillageCraftPortal.Web.Content.Types;

/// <summary>Checks a version's values against its document type before they are saved.</summary>
public static class ContentValidator
{
    /// <summary>The names every page needs from the start, even a page just created whose other values come later.</summary>
    public static readonly IReadOnlyList<string> AlwaysRequired = ["name", "slug"];

    /// <param name="requiredLater">A page being created in the backoffice: of its required values only the name and
    /// slug are checked now; the edit form asks for the rest, and saving or publishing checks them.</param>
    public static IReadOnlyList<ValidationProblem> Validate(DocumentType type, ContentValues values, bool requiredLater = false)
    {
        var problems = new List<ValidationProblem>();
        foreach (var alias in values.Aliases)
        {
            var property = type.Find(alias);
            if (property is null)
            {
                problems.Add(new ValidationProblem(alias, null, "validation.unknownProperty"));
                continue;
            }

            foreach (var (culture, node) in values.GetAll(alias))
            {
                ValidateValue(property, culture, node, problems);
            }
        }

        foreach (var property in type.Properties.Where(p => p.Required && (!requiredLater || AlwaysRequired.Contains(p.Alias))))
        {
            var culture = property.VariesByCulture ? Cultures.Default : Cultures.Invariant;
            if (values.Get(property.Alias, culture) is null)
            {
                problems.Add(new ValidationProblem(property.Alias, property.VariesByCulture ? culture : null, "validation.required"));
            }
        }

        return problems;
    }

    private static void ValidateValue(PropertyType property, string culture, JsonNode node, List<ValidationProblem> problems)
    {
        var cultureOk = property.VariesByCulture ? Cultures.IsSupported(culture) : culture == Cultures.Invariant;
        var reportedCulture = property.VariesByCulture ? culture : null;
        if (!cultureOk)
        {
            problems.Add(new ValidationProblem(property.Alias, culture, property.VariesByCulture ? "validation.culture" : "validation.invariant"));
            return;
        }

        foreach (var messageKey in property.Editor.Validate(node, property))
        {
            problems.Add(new ValidationProblem(property.Alias, reportedCulture, messageKey));
        }

        if (property.Alias == "slug" && node is JsonValue value && value.TryGetValue<string>(out var slug) && !Slugs.IsValid(slug))
        {
            problems.Add(new ValidationProblem(property.Alias, reportedCulture, "validation.slug"));
        }
    }
}
