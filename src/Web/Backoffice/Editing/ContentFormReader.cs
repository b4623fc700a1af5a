using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Html;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Content.Values;
using static VillageCraftPortal.Web.Content.Types.PropertyEditors;

namespace VillageCraftPortal.Web.Backoffice.Editing;

/// <summary>
/// Reads a submitted edit form back into values. What the user may not edit (other cultures for a translator,
/// invariant values) is taken from the version they started from, whatever the form says. Rich text is sanitised.
/// </summary>
public sealed class ContentFormReader(ContentHtml html)
{
    public (ContentValues Values, List<ValidationProblem> Problems) Read(
        DocumentType type, IFormCollection form, ContentValues existing, Func<string?, bool> canEdit)
    {
        var values = new ContentValues();
        var problems = new List<ValidationProblem>();
        foreach (var property in type.Properties)
        {
            foreach (var culture in ContentForm.CulturesOf(property))
            {
                var key = culture ?? Cultures.Invariant;
                if (!canEdit(culture))
                {
                    values.Set(property.Alias, key, existing.Get(property.Alias, key));
                    continue;
                }

                try
                {
                    values.Set(property.Alias, key, ReadValue(property, culture, form));
                }
                catch (FormatException)
                {
                    problems.Add(new ValidationProblem(property.Alias, culture, "validation.format"));
                    values.Set(property.Alias, key, existing.Get(property.Alias, key));
                }
            }
        }

        // Properties the type no longer has are kept as they were (nothing is silently lost).
        foreach (var alias in existing.Aliases.Where(a => type.Find(a) is null))
        {
            foreach (var (culture, node) in existing.GetAll(alias))
            {
                values.Set(alias, culture, node);
            }
        }

        return (values, problems);
    }

    private JsonNode? ReadValue(PropertyType property, string? culture, IFormCollection form)
    {
        string Field(string? part = null) => form[ContentForm.FieldName(property, culture, part)].ToString().Trim();
        var editor = property.Editor;
        if (editor == RichText)
        {
            return Field() is { Length: > 0 } value ? html.Sanitize(value) : null;
        }

        if (editor == WholeNumber)
        {
            return Field() is { Length: > 0 } value ? long.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;
        }

        if (editor == Number)
        {
            return Field() is { Length: > 0 } value ? double.Parse(value.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture) : null;
        }

        if (editor == Toggle)
        {
            return form[ContentForm.FieldName(property, culture)].Any(v => v == "true") ? true : null;
        }

        if (editor == DatePicker)
        {
            return Field() is { Length: > 0 } value ? Json(DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture)) : null;
        }

        if (editor == Geo)
        {
            var (lat, lng) = (Field("lat"), Field("lng"));
            return lat.Length == 0 && lng.Length == 0 ? null : Json(new GeoPoint(
                double.Parse(lat.Replace(',', '.'), CultureInfo.InvariantCulture),
                double.Parse(lng.Replace(',', '.'), CultureInfo.InvariantCulture),
                form[ContentForm.FieldName(property, culture, "approx")].Any(v => v == "true")));
        }

        if (editor == MediaPicker)
        {
            return Field() is { Length: > 0 } value ? Json(Guid.Parse(value)) : null;
        }

        if (editor == MediaList || editor == ContentList)
        {
            return NonEmpty([.. Values(form, property, culture).Select(Guid.Parse)]);
        }

        if (editor == ChoiceList)
        {
            return NonEmpty([.. Values(form, property, culture)]);
        }

        if (editor == StringList)
        {
            return NonEmpty([.. Lines(Field())]);
        }

        if (editor == WholeNumberList)
        {
            return NonEmpty([.. Field().Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries).Select(v => long.Parse(v, CultureInfo.InvariantCulture))]);
        }

        if (editor == Hours)
        {
            return Json(HoursFields.Read(form, property));
        }

        if (editor == Zones)
        {
            return NonEmpty(ZoneFields.Read(form, property));
        }

        if (editor == Sources)
        {
            return NonEmpty(SourceFields.Read(form, property));
        }

        if (editor == Blocks)
        {
            return NonEmpty(BlockFields.Read(form, property, culture, html));
        }

        return Field() is { Length: > 0 } text ? text : null;
    }

    internal static IEnumerable<string> Values(IFormCollection form, PropertyType property, string? culture) =>
        form[ContentForm.FieldName(property, culture)].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim());

    internal static IEnumerable<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    internal static JsonNode? Json<T>(T value) => JsonSerializer.SerializeToNode(value, ContentJson.Options);

    private static JsonNode? NonEmpty<T>(List<T> list) => list.Count == 0 ? null : Json(list);

    internal static string Value(IFormCollection form, string name) => form[name].ToString().Trim();

    internal static int Count(IFormCollection form, string name) =>
        int.TryParse(form[name].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? Math.Clamp(count, 0, 200) : 0;

    internal static bool Checked(StringValues values) => values.Any(v => v == "true");
}
