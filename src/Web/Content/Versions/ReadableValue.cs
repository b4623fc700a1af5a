using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Content.Values;

namespace VillageCraftPortal.Web.Content.Versions;

/// <summary>
/// A stored value as the text an editor reads in a comparison: HTML as plain text, blocks one per paragraph with a
/// marker for what is not text ("[Image: …]"), lists one item per line, media and documents by name.
/// </summary>
internal sealed class ReadableValue(Func<Guid, string?>? mediaName, Func<Guid, string?>? contentName)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// Reads the value with the property's editor; a property the type does not have, or a value its editor cannot
    /// read (written before the type changed), is shown from its JSON so that nothing is hidden.
    /// </summary>
    public string Render(PropertyType? property, JsonNode node)
    {
        string text;
        try
        {
            text = property is null ? Generic(node) : Typed(property.Editor, property.Editor.Read(node), node);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            text = Generic(node);
        }

        // Line breaks and composed diacritics the same way on both sides, so only real differences show.
        return text.ReplaceLineEndings("\n").Normalize(NormalizationForm.FormC);
    }

    private string Typed(PropertyEditor editor, object? value, JsonNode node) => value switch
    {
        null => Generic(node),
        string html when editor == PropertyEditors.RichText => HtmlToText.Convert(html),
        string text => text,
        bool flag => flag ? "yes" : "no",
        long number => number.ToString(Invariant),
        double number => number.ToString(Invariant),
        DateOnly date => Date(date),
        GeoPoint point => $"{point.Lat.ToString(Invariant)}, {point.Lng.ToString(Invariant)}{(point.Approximate ? " (approximate)" : "")}",
        Guid media => Media(media),
        List<Guid> keys when editor == PropertyEditors.ContentList => Lines(keys.Select(Content)),
        List<Guid> keys => Lines(keys.Select(Media)),
        List<Block> blocks => string.Join("\n\n", blocks.Select(BlockText).Where(b => b.Length > 0)),
        OpeningHours hours => Hours(hours),
        List<CentreZone> zones => Lines(zones.SelectMany(Zone)),
        List<SourceRef> sources => Lines(sources.Select(Source)),
        IEnumerable items => Lines(items.Cast<object?>().Select(i => System.Convert.ToString(i, Invariant) ?? "")),
        _ => Generic(node),
    };

    private string BlockText(Block? block) => block switch
    {
        null => "",
        RichTextBlock rich => HtmlToText.Convert(rich.Html),
        ImageBlock image => Joined($"[Image: {Media(image.Media)}]", image.Caption is null ? "" : HtmlToText.Convert(image.Caption)),
        GalleryBlock gallery => $"[Gallery: {string.Join(", ", gallery.Media.Select(Media))}]",
        QuoteBlock quote => Joined("[Quote]", HtmlToText.Convert(quote.Html)) + (string.IsNullOrWhiteSpace(quote.Cite) ? "" : $" — {quote.Cite}"),

        // The address is shown too, so that pointing the block at another video is not an invisible change.
        VideoBlock video => $"[Video: {video.Title}] {video.WatchUrl}",
        CallToActionBlock cta => $"[Button: {cta.Label} → {cta.Href}]",
        FactsBlock facts => Lines(["[Facts]", .. facts.Facts.Select(f => $"{f.Label}: {f.Value}")]),
        _ => block.ToString(),
    };

    private static string Hours(OpeningHours hours)
    {
        var lines = new List<string>();
        for (var i = 0; i < OpeningHours.DayKeys.Count; i++)
        {
            var day = (DayOfWeek)((i + 1) % 7);
            lines.Add($"{day}: {Ranges(hours.Weekly.GetValueOrDefault(OpeningHours.DayKeys[i]) ?? [])}");
        }

        // Day keys the editor would reject, still shown so that nothing stored is hidden.
        lines.AddRange(hours.Weekly.Where(d => !OpeningHours.DayKeys.Contains(d.Key)).Select(d => $"{d.Key}: {Ranges(d.Value)}"));
        lines.Add($"Public holidays: {(hours.PublicHolidays == HolidayPolicy.Closed ? "closed" : "open")}");
        foreach (var exception in hours.Exceptions)
        {
            var dates = exception.From == exception.To ? Date(exception.From) : $"{Date(exception.From)} to {Date(exception.To)}";
            var reason = string.Join(" / ", VersionDiff.InCultureOrder(exception.Reason).Select(r => r.Value));
            lines.Add($"{dates}: {(exception.Closed ? "closed" : Ranges(exception.Hours))}{(reason.Length > 0 ? $" — {reason}" : "")}");
        }

        return Lines(lines);
    }

    private static string Ranges(IReadOnlyList<TimeRange> ranges) =>
        ranges.Count == 0 ? "closed" : string.Join(", ", ranges.Select(r => r.ToString()));

    private static IEnumerable<string> Zone(CentreZone zone) =>
        zone.Description.Count == 0
            ? [zone.Zone]
            : VersionDiff.InCultureOrder(zone.Description).Select(d => $"{zone.Zone} ({d.Key}): {d.Value}");

    private static string Source(SourceRef source)
    {
        string?[] details = [source.Publisher, source.Date is { } date ? Date(date) : null, source.Url];
        var known = details.Where(d => !string.IsNullOrWhiteSpace(d)).ToList();
        return known.Count == 0 ? source.Title : $"{source.Title} — {string.Join(", ", known)}";
    }

    private static string Generic(JsonNode node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonArray array => Lines(array.Select(item => item is null ? "" : Generic(item))),
        _ => node.ToJsonString(ContentJson.Options),
    };

    private string Media(Guid key) => mediaName?.Invoke(key) is { Length: > 0 } name ? name : key.ToString();

    private string Content(Guid key) => contentName?.Invoke(key) is { Length: > 0 } name ? name : key.ToString();

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    private static string Joined(string marker, string text) => text.Length == 0 ? marker : $"{marker} {text}";

    private static string Lines(IEnumerable<string> lines) => string.Join('\n', lines);
}
