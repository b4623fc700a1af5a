using System.Text.Json.Nodes;

namespace VillageCraftPortal.Web.Content.Types;

/// <summary>
/// How complete values must be. A draft may be unfinished (as in Umbraco, saving is allowed while mandatory fields
/// are empty) but needs its name and slug; publishing needs every required value.
/// </summary>
public enum ValidationLevel
{
    Draft,
    Publish,
}

/// <summary>Checks a version's values against its document type before they are saved or published.</summary>
public static class ContentValidator
{
    /// <summary>What a draft needs from the start, so that it can be found in the tree and has an address.</summary>
    private static readonly string[] DraftRequired = ["name", "slug"];

    public static IReadOnlyList<ValidationProblem> Validate(DocumentType type, ContentValues values, ValidationLevel level = ValidationLevel.Publish)
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

        foreach (var property in type.Properties.Where(p => p.Required && (level == ValidationLevel.Publish || DraftRequired.Contains(p.Alias))))
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
