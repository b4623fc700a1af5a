using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Html;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Content.Values;
using static VillageCraftPortal.Web.Backoffice.Editing.ContentFormReader;

namespace VillageCraftPortal.Web.Backoffice.Editing;

/// <summary>Opening hours: one text per weekday ("08:00-11:30, 13:30-17:00" or empty for closed), holidays, dated exceptions.</summary>
public static class HoursFields
{
    public static OpeningHours? Read(IFormCollection form, PropertyType property)
    {
        string Name(string part) => ContentForm.FieldName(property, null, part);
        var weekly = new Dictionary<string, IReadOnlyList<TimeRange>>(StringComparer.Ordinal);
        foreach (var day in OpeningHours.DayKeys)
        {
            var text = Value(form, Name(day));
            if (text.Length == 0)
            {
                continue;
            }

            weekly[day] = TimeRange.TryParseList(text, out var ranges) ? ranges : throw new FormatException(day);
        }

        var exceptions = new List<HoursOverride>();
        for (var i = 0; i < Count(form, Name("ex.count")); i++)
        {
            var from = Value(form, Name($"ex.{i}.from"));
            if (from.Length == 0 || Checked(form[Name($"ex.{i}.remove")]))
            {
                continue;
            }

            var start = DateOnly.ParseExact(from, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var to = Value(form, Name($"ex.{i}.to"));
            var end = to.Length == 0 ? start : DateOnly.ParseExact(to, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var closed = Checked(form[Name($"ex.{i}.closed")]);
            IReadOnlyList<TimeRange> hours = [];
            if (!closed && !TimeRange.TryParseList(Value(form, Name($"ex.{i}.hours")), out hours))
            {
                throw new FormatException("exception hours");
            }

            var reason = new LocalizedText();
            foreach (var culture in Cultures.All)
            {
                if (Value(form, Name($"ex.{i}.reason.{culture}")) is { Length: > 0 } text)
                {
                    reason[culture] = text;
                }
            }

            exceptions.Add(new HoursOverride(start, end < start ? throw new FormatException("dates") : end, closed, hours, reason));
        }

        var holidays = Value(form, Name("holidays")) == "open" ? HolidayPolicy.Open : HolidayPolicy.Closed;
        return weekly.Count == 0 && exceptions.Count == 0 ? null : new OpeningHours(weekly, holidays, exceptions);
    }
}

/// <summary>The four zones of a centre: a description per culture for each.</summary>
public static class ZoneFields
{
    public static List<CentreZone> Read(IFormCollection form, PropertyType property)
    {
        var zones = new List<CentreZone>();
        foreach (var zone in CentreZone.Required)
        {
            var description = new LocalizedText();
            foreach (var culture in Cultures.All)
            {
                if (Value(form, ContentForm.FieldName(property, null, $"{zone}.{culture}")) is { Length: > 0 } text)
                {
                    description[culture] = text;
                }
            }

            if (description.Count > 0 || Checked(form[ContentForm.FieldName(property, null, $"{zone}.present")]))
            {
                zones.Add(new CentreZone(zone, description));
            }
        }

        return zones;
    }
}

/// <summary>Sources: rows of title, publisher, address and date; rows without a title are dropped.</summary>
public static class SourceFields
{
    public static List<SourceRef> Read(IFormCollection form, PropertyType property)
    {
        string Name(string part) => ContentForm.FieldName(property, null, part);
        var sources = new List<SourceRef>();
        for (var i = 0; i < Count(form, Name("count")); i++)
        {
            var title = Value(form, Name($"{i}.title"));
            if (title.Length == 0 || Checked(form[Name($"{i}.remove")]))
            {
                continue;
            }

            var url = Value(form, Name($"{i}.url"));
            var date = Value(form, Name($"{i}.date"));
            sources.Add(new SourceRef(
                title,
                Value(form, Name($"{i}.publisher")) is { Length: > 0 } publisher ? publisher : null,
                url.Length > 0 ? url : null,
                date.Length > 0 ? DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null));
        }

        return sources;
    }
}

/// <summary>
/// A culture's blocks: "count", then per block its type and fields, and "order" (set by drag and drop) so the form
/// can be reordered without JavaScript changing field names.
/// </summary>
public static class BlockFields
{
    public static readonly IReadOnlyList<string> Types =
        [RichTextBlock.TypeName, ImageBlock.TypeName, GalleryBlock.TypeName, QuoteBlock.TypeName, VideoBlock.TypeName, CallToActionBlock.TypeName, FactsBlock.TypeName];

    public static List<Block> Read(IFormCollection form, PropertyType property, string? culture, ContentHtml html)
    {
        string Name(string part) => ContentForm.FieldName(property, culture, part);
        var blocks = new List<(double Order, Block Block)>();
        for (var i = 0; i < Count(form, Name("count")); i++)
        {
            if (Checked(form[Name($"{i}.remove")]))
            {
                continue;
            }

            var order = double.TryParse(Value(form, Name($"{i}.order")), System.Globalization.CultureInfo.InvariantCulture, out var o) ? o : i;
            string Field(string part) => Value(form, Name($"{i}.{part}"));
            Block? block = Field("type") switch
            {
                RichTextBlock.TypeName => Field("html") is { Length: > 0 } h ? new RichTextBlock(html.Sanitize(h)) : null,
                ImageBlock.TypeName => Field("media") is { Length: > 0 } m ? new ImageBlock(Guid.Parse(m), Field("caption") is { Length: > 0 } c ? html.Sanitize(c) : null) : null,
                GalleryBlock.TypeName => form[Name($"{i}.media")].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => Guid.Parse(v!)).ToList() is { Count: > 0 } items ? new GalleryBlock(items) : null,
                QuoteBlock.TypeName => Field("html") is { Length: > 0 } q ? new QuoteBlock(html.Sanitize(q), Field("cite") is { Length: > 0 } cite ? cite : null) : null,
                VideoBlock.TypeName => Field("id") is { Length: > 0 } id ? new VideoBlock(Field("provider") is { Length: > 0 } p ? p : VideoBlock.YouTube, id, Field("title")) : null,
                CallToActionBlock.TypeName => Field("href") is { Length: > 0 } href ? new CallToActionBlock(href, Field("label")) : null,
                FactsBlock.TypeName => Facts(Field("facts")) is { Count: > 0 } facts ? new FactsBlock(facts) : null,
                "" => null,
                _ => throw new FormatException("block type"),
            };
            if (block is not null)
            {
                blocks.Add((order, block));
            }
        }

        return [.. blocks.OrderBy(b => b.Order).Select(b => b.Block)];
    }

    public static string FactsText(FactsBlock block) => string.Join('\n', block.Facts.Select(f => $"{f.Label}: {f.Value}"));

    private static List<Fact> Facts(string text) =>
        [.. Lines(text).Select(line => line.Split(':', 2) is [var label, var value] && label.Trim().Length > 0
            ? new Fact(label.Trim(), value.Trim())
            : throw new FormatException("fact"))];
}
