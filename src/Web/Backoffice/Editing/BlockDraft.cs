using System.Globalization;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Content.Values;

namespace VillageCraftPortal.Web.Backoffice.Editing;

/// <summary>A block as the form holds it: its type and raw field values (possibly unfinished or invalid).</summary>
public sealed record BlockDraft(string Type, Dictionary<string, string[]> Fields)
{
    public string Field(string name) => Fields.TryGetValue(name, out var values) && values.Length > 0 ? values[0] : string.Empty;

    public IReadOnlyList<string> Many(string name) => Fields.TryGetValue(name, out var values) ? values : [];

    public static BlockDraft Empty(string type) => new(type, []);

    public static BlockDraft From(Block block) => block switch
    {
        RichTextBlock b => new(RichTextBlock.TypeName, new() { ["html"] = [b.Html] }),
        ImageBlock b => new(ImageBlock.TypeName, new() { ["media"] = [b.Media.ToString()], ["caption"] = [b.Caption ?? string.Empty] }),
        GalleryBlock b => new(GalleryBlock.TypeName, new() { ["media"] = [.. b.Media.Select(m => m.ToString())] }),
        QuoteBlock b => new(QuoteBlock.TypeName, new() { ["html"] = [b.Html], ["cite"] = [b.Cite ?? string.Empty] }),
        VideoBlock b => new(VideoBlock.TypeName, new() { ["provider"] = [b.Provider], ["id"] = [b.VideoId], ["title"] = [b.Title] }),
        CallToActionBlock b => new(CallToActionBlock.TypeName, new() { ["href"] = [b.Href], ["label"] = [b.Label] }),
        FactsBlock b => new(FactsBlock.TypeName, new() { ["facts"] = [BlockFields.FactsText(b)] }),
        _ => Empty(RichTextBlock.TypeName),
    };

    /// <summary>The blocks to show: an override, else what was posted (in its order), else the saved values.</summary>
    public static List<BlockDraft> For(ContentForm form, PropertyType property, string culture)
    {
        if (form.BlockOverrides.TryGetValue((property.Alias, culture), out var overridden))
        {
            return overridden;
        }

        if (form.Posted is { } posted)
        {
            return FromPosted(posted, property, culture);
        }

        return [.. (form.Typed<List<Block>>(property, culture) ?? []).Select(From)];
    }

    public static List<BlockDraft> FromPosted(IFormCollection posted, PropertyType property, string culture)
    {
        string Name(string part) => ContentForm.FieldName(property, culture, part);
        var drafts = new List<(double Order, BlockDraft Draft)>();
        for (var i = 0; i < ContentFormReader.Count(posted, Name("count")); i++)
        {
            var prefix = Name($"{i}.");
            var fields = posted.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
                .ToDictionary(k => k[prefix.Length..], k => posted[k].Select(v => v ?? string.Empty).ToArray(), StringComparer.Ordinal);
            var draft = new BlockDraft(fields.TryGetValue("type", out var type) && type.Length > 0 ? type[0] : RichTextBlock.TypeName, fields);
            var order = double.TryParse(draft.Field("order"), NumberStyles.Float, CultureInfo.InvariantCulture, out var o) ? o : i;
            drafts.Add((order, draft));
        }

        return [.. drafts.OrderBy(d => d.Order).Select(d => d.Draft)];
    }
}
