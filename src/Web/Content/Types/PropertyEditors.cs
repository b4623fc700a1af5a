using System.Net.Mail;
using VillageCraftPortal.Web.Content.Values;

namespace VillageCraftPortal.Web.Content.Types;

/// <summary>The property editors our document types use.</summary>
public static class PropertyEditors
{
    public static readonly PropertyEditor Text = new PropertyEditor<string>("text", CheckLength);
    public static readonly PropertyEditor TextArea = new PropertyEditor<string>("textArea", CheckLength);

    /// <summary>Sanitised HTML (the importer converts Markdown; the backoffice editor sends HTML).</summary>
    public static readonly PropertyEditor RichText = new PropertyEditor<string>("richText", CheckLength);

    public static readonly PropertyEditor Blocks = new PropertyEditor<List<Block>>("blocks", CheckBlocks);
    public static readonly PropertyEditor WholeNumber = new PropertyEditor<long>("integer", CheckRange);
    public static readonly PropertyEditor Number = new PropertyEditor<double>("decimal", (v, t) => CheckRange((long)v, t));
    public static readonly PropertyEditor Toggle = new PropertyEditor<bool>("boolean");
    public static readonly PropertyEditor DatePicker = new PropertyEditor<DateOnly>("date");
    public static readonly PropertyEditor Geo = new PropertyEditor<GeoPoint>("geoPoint", (v, t) => v.IsValid ? [] : ["validation.geo"]);
    public static readonly PropertyEditor MediaPicker = new PropertyEditor<Guid>("mediaPicker", (v, t) => v == Guid.Empty ? ["validation.format"] : []);
    public static readonly PropertyEditor MediaList = new PropertyEditor<List<Guid>>("mediaList");
    public static readonly PropertyEditor ContentList = new PropertyEditor<List<Guid>>("contentList");
    public static readonly PropertyEditor Choice = new PropertyEditor<string>("choice", (v, t) => CheckChoices([v], t));
    public static readonly PropertyEditor ChoiceList = new PropertyEditor<List<string>>("choiceList", CheckChoices);
    public static readonly PropertyEditor StringList = new PropertyEditor<List<string>>("stringList");
    public static readonly PropertyEditor WholeNumberList = new PropertyEditor<List<long>>("integerList", (v, t) => v.SelectMany(i => CheckRange(i, t)).Distinct());
    public static readonly PropertyEditor Url = new PropertyEditor<string>("url", (v, t) => IsWebUrl(v) ? [] : ["validation.url"]);
    public static readonly PropertyEditor Email = new PropertyEditor<string>("email", (v, t) => MailAddress.TryCreate(v, out _) ? [] : ["validation.email"]);
    public static readonly PropertyEditor Phone = new PropertyEditor<string>("phone", (v, t) => IsPhone(v) ? [] : ["validation.phone"]);
    public static readonly PropertyEditor Hours = new PropertyEditor<OpeningHours>("openingHours", CheckHours);
    public static readonly PropertyEditor Zones = new PropertyEditor<List<CentreZone>>("zones", CheckZones);
    public static readonly PropertyEditor Sources = new PropertyEditor<List<SourceRef>>("sources", CheckSources);

    public static bool IsWebUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static bool IsPhone(string value)
    {
        var digits = value.Count(char.IsAsciiDigit);
        return digits is >= 8 and <= 15 && value.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '.' or '-' or '(' or ')');
    }

    private static IEnumerable<string> CheckLength(string value, PropertyType type)
    {
        if (type.MaxLength is { } max && value.Length > max)
        {
            yield return "validation.tooLong";
        }
    }

    private static IEnumerable<string> CheckRange(long value, PropertyType type)
    {
        if ((type.Min is { } min && value < min) || (type.Max is { } max && value > max))
        {
            yield return "validation.range";
        }
    }

    private static IEnumerable<string> CheckChoices(List<string> values, PropertyType type)
    {
        if (type.Choices is { } choices && values.Any(v => !choices.Contains(v)))
        {
            yield return "validation.choice";
        }
    }

    private static IEnumerable<string> CheckBlocks(List<Block> blocks, PropertyType type)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case null:
                    yield return "validation.format";
                    break;
                case VideoBlock video when !video.IsValid:
                    yield return "validation.video";
                    break;
                case CallToActionBlock cta when !CallToActionBlock.IsSafeHref(cta.Href) || string.IsNullOrWhiteSpace(cta.Label):
                    yield return "validation.url";
                    break;
                case FactsBlock facts when facts.Facts.Count == 0:
                    yield return "validation.required";
                    break;
            }
        }
    }

    private static IEnumerable<string> CheckHours(OpeningHours hours, PropertyType type)
    {
        if (hours.Weekly.Keys.Any(k => !OpeningHours.DayKeys.Contains(k)))
        {
            yield return "validation.format";
        }

        if (hours.Exceptions.Any(e => e.To < e.From || (!e.Closed && e.Hours.Count == 0)))
        {
            yield return "validation.hours";
        }
    }

    private static IEnumerable<string> CheckZones(List<CentreZone> zones, PropertyType type)
    {
        if (zones.Any(z => !CentreZone.Required.Contains(z.Zone)) || zones.DistinctBy(z => z.Zone).Count() != zones.Count)
        {
            yield return "validation.choice";
        }
    }

    private static IEnumerable<string> CheckSources(List<SourceRef> sources, PropertyType type)
    {
        if (sources.Any(s => string.IsNullOrWhiteSpace(s.Title) || (s.Url is not null && !IsWebUrl(s.Url))))
        {
            yield return "validation.source";
        }
    }
}
