using System.Text.Json;
using System.Text.Json.Nodes;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Content.Values;

namespace VillageCraftPortal.Web.Content.Export;

/// <summary>
/// Turns a published version's values into those the export writes and an import must read back. References point
/// at the keys an import derives from the written aliases. What the public site cannot show is left out with a
/// warning (a reference to a document that is not exported, a value that no longer reads), and values are
/// normalised as the importer normalises them (text trimmed, an empty body dropped).
/// </summary>
internal sealed class ExportValues(IReadOnlyDictionary<Guid, Guid> documents, IReadOnlyDictionary<Guid, Guid> media, List<string> warnings)
{
    public ContentValues Clean(string alias, DocumentType type, ContentValues stored)
    {
        var result = new ContentValues();
        foreach (var propertyAlias in stored.Aliases)
        {
            if (type.Find(propertyAlias) is not { } property)
            {
                warnings.Add($"{alias}: '{propertyAlias}' is not a property of {type.Alias}; left out");
                continue;
            }

            foreach (var (culture, node) in stored.GetAll(propertyAlias))
            {
                if (property.VariesByCulture ? !Cultures.IsSupported(culture) : culture != Cultures.Invariant)
                {
                    warnings.Add($"{alias}: {propertyAlias} has a value for '{culture}', which it cannot have; left out");
                    continue;
                }

                if (Read(alias, property, node) is { } value && Clean(alias, property, value) is { } clean)
                {
                    result.Set(propertyAlias, culture, JsonSerializer.SerializeToNode(clean, property.Editor.ValueType, ContentJson.Options));
                }
            }
        }

        return result;
    }

    private object? Read(string alias, PropertyType property, JsonNode node)
    {
        try
        {
            return property.Editor.Read(node);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            // The published snapshot skips such a value too, so the public never sees it.
            warnings.Add($"{alias}: {property.Alias} no longer reads as a {property.Editor.EditorAlias} value; left out");
            return null;
        }
    }

    private object? Clean(string alias, PropertyType property, object value) => value switch
    {
        string text => text.Trim(),
        Guid key when property.Editor == PropertyEditors.MediaPicker => Media(alias, property.Alias, key),
        List<Guid> keys when property.Editor == PropertyEditors.MediaList => Keys(keys, k => Media(alias, property.Alias, k)),
        List<Guid> keys when property.Editor == PropertyEditors.ContentList => Keys(keys, k => Document(alias, property.Alias, k)),
        List<Block> blocks => blocks.Select(b => Clean(alias, b)).OfType<Block>().ToList() is { Count: > 0 } body ? body : null,
        _ => value,
    };

    private Block? Clean(string alias, Block block) => block switch
    {
        RichTextBlock rich => rich.Html.Trim() is { Length: > 0 } html ? rich with { Html = html } : null,
        QuoteBlock quote => quote with { Html = quote.Html.Trim() },
        ImageBlock image => Media(alias, "an image block", image.Media) is { } key
            ? image with { Media = key, Caption = string.IsNullOrWhiteSpace(image.Caption) ? null : image.Caption.Trim() }
            : null,
        GalleryBlock gallery => Keys([.. gallery.Media], k => Media(alias, "a gallery block", k)) is { Count: > 0 } keys ? gallery with { Media = keys } : null,
        CallToActionBlock cta => cta with { Label = cta.Label.Trim() },
        FactsBlock facts => facts with { Facts = [.. facts.Facts.Select(f => new Fact(f.Label.Trim(), f.Value.Trim()))] },
        _ => block,
    };

    private static List<Guid> Keys(List<Guid> keys, Func<Guid, Guid?> map) => [.. keys.Select(map).OfType<Guid>()];

    private Guid? Media(string alias, string what, Guid key)
    {
        if (media.TryGetValue(key, out var exported))
        {
            return exported;
        }

        warnings.Add($"{alias}: {what} refers to media {key}, which no longer exists; left out");
        return null;
    }

    private Guid? Document(string alias, string what, Guid key)
    {
        if (documents.TryGetValue(key, out var exported))
        {
            return exported;
        }

        warnings.Add($"{alias}: {what} refers to document {key}, which is not published; left out");
        return null;
    }
}
