using System.Globalization;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Content.Values;
using VillageCraftPortal.Web.Infrastructure;
using VillageCraftPortal.Web.Media.Processing;
using VillageCraftPortal.Web.Media.Serving;

namespace VillageCraftPortal.Web.Features.Seo;

/// <summary>
/// schema.org JSON-LD for each document type: TouristDestination for villages, LocalBusiness for centres,
/// TouristAttraction for experiences. Star ratings are never put in AggregateRating: they are not reviews.
/// </summary>
public static class StructuredData
{
    private const string Context = "https://schema.org";

    public static IEnumerable<object> For(PublishedNode node, string culture, PublishedSnapshot snapshot, SiteOptions site)
    {
        if (node.Parent is not null)
        {
            yield return Breadcrumbs(node, culture, site);
        }

        object? main = node.ContentType switch
        {
            DocumentTypes.Home => new Dictionary<string, object?>
            {
                ["@context"] = Context,
                ["@type"] = "WebSite",
                ["name"] = node.Name(culture).Value,
                ["url"] = site.Absolute(node.Url(culture)),
                ["inLanguage"] = culture,
                ["potentialAction"] = new Dictionary<string, object?>
                {
                    ["@type"] = "SearchAction",
                    ["target"] = new Dictionary<string, object?>
                    {
                        ["@type"] = "EntryPoint",
                        ["urlTemplate"] = site.Absolute(VillageCraftPortal.Web.Search.SearchPaths.Page(culture)) + "?q={search_term_string}",
                    },
                    ["query-input"] = "required name=search_term_string",
                },
            },
            DocumentTypes.Village => Place("TouristDestination", node, culture, snapshot, site),
            DocumentTypes.DesignCentre => Centre(node, culture, snapshot, site),
            DocumentTypes.Experience => Place("TouristAttraction", node, culture, snapshot, site),
            DocumentTypes.Article => Article(node, culture, snapshot, site),
            DocumentTypes.Itinerary => Web.Trips.TouristTrip.Create(
                node.Name(culture).Value,
                site.Absolute(node.Url(culture)),
                culture,
                DocumentTypes.ItineraryDays.SelectMany(day => node.Value<List<Guid>>(day) ?? []).Select(key => Web.Trips.TripPlaces.Find(snapshot, key)).OfType<PublishedNode>(),
                site.Absolute),
            _ => null,
        };
        if (main is not null)
        {
            yield return main;
        }
    }

    private static Dictionary<string, object?> Breadcrumbs(PublishedNode node, string culture, SiteOptions site) => new()
    {
        ["@context"] = Context,
        ["@type"] = "BreadcrumbList",
        ["itemListElement"] = node.Ancestors().Reverse().Append(node).Select((n, i) => new Dictionary<string, object?>
        {
            ["@type"] = "ListItem",
            ["position"] = i + 1,
            ["name"] = n.Name(culture).Value,
            ["item"] = site.Absolute(n.Url(culture)),
        }).ToList(),
    };

    private static Dictionary<string, object?> Place(string type, PublishedNode node, string culture, PublishedSnapshot snapshot, SiteOptions site)
    {
        var data = Common(type, node, culture, snapshot, site);
        var location = node.Value<GeoPoint>("location") ?? node.Parent?.Value<GeoPoint>("location");
        if (location is not null)
        {
            data["geo"] = new Dictionary<string, object?> { ["@type"] = "GeoCoordinates", ["latitude"] = location.Lat, ["longitude"] = location.Lng };
        }

        data["address"] = Address(node, culture);
        return data;
    }

    private static Dictionary<string, object?> Centre(PublishedNode node, string culture, PublishedSnapshot snapshot, SiteOptions site)
    {
        var data = Place("LocalBusiness", node, culture, snapshot, site);
        data["telephone"] = node.Value<string>("phone");
        data["email"] = node.Value<string>("email");
        var sameAs = new[] { node.Value<string>("facebook"), node.Value<string>("website") }.OfType<string>().ToList();
        data["sameAs"] = sameAs.Count > 0 ? sameAs : null;
        data["openingHoursSpecification"] = node.Value<OpeningHours>("openingHours") is { } hours ? OpeningHoursSpecification(hours) : null;
        if (node.Parent is { } village)
        {
            data["containedInPlace"] = new Dictionary<string, object?>
            {
                ["@type"] = "TouristDestination",
                ["name"] = village.Name(culture).Value,
                ["url"] = site.Absolute(village.Url(culture)),
            };
        }

        return data;
    }

    private static Dictionary<string, object?> Article(PublishedNode node, string culture, PublishedSnapshot snapshot, SiteOptions site)
    {
        var data = Common("Article", node, culture, snapshot, site);
        data["headline"] = node.Name(culture).Value;
        data["datePublished"] = node.Value<DateOnly>("publishedOn").ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        data["author"] = new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = node.Value<string>("author") ?? "VillageCraftPortal" };
        return data;
    }

    private static Dictionary<string, object?> Common(string type, PublishedNode node, string culture, PublishedSnapshot snapshot, SiteOptions site)
    {
        var hero = snapshot.Media(node.Value<Guid>("heroImage"));
        return new Dictionary<string, object?>
        {
            ["@context"] = Context,
            ["@type"] = type,
            ["name"] = node.Name(culture).Value,
            ["description"] = node.Text("summary", culture).Value is { Length: > 0 } summary ? summary : null,
            ["url"] = site.Absolute(node.Url(culture)),
            ["inLanguage"] = culture,
            ["image"] = hero is null ? null : site.Absolute(MediaUrls.Preset(hero, ImagePresets.OpenGraph, 1200)),
        };
    }

    private static Dictionary<string, object?> Address(PublishedNode node, string culture)
    {
        var village = node.ContentType == DocumentTypes.Village ? node : node.AncestorOfType(DocumentTypes.Village);
        var street = node.Text("address", culture);
        return new Dictionary<string, object?>
        {
            ["@type"] = "PostalAddress",
            ["streetAddress"] = street.HasValue ? street.Value : null,
            ["addressLocality"] = village?.Text("commune", culture).Value is { Length: > 0 } commune ? commune : null,
            ["addressRegion"] = culture == "en" ? "Hanoi" : "Hà Nội",
            ["addressCountry"] = "VN",
        };
    }

    private static List<Dictionary<string, object?>> OpeningHoursSpecification(OpeningHours hours)
    {
        var days = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };
        var list = new List<Dictionary<string, object?>>();
        for (var i = 0; i < 7; i++)
        {
            if (!hours.Weekly.TryGetValue(OpeningHours.DayKeys[i], out var ranges))
            {
                continue;
            }

            list.AddRange(ranges.Select(range => new Dictionary<string, object?>
            {
                ["@type"] = "OpeningHoursSpecification",
                ["dayOfWeek"] = $"{Context}/{days[i]}",
                ["opens"] = range.Open.ToString("HH:mm", CultureInfo.InvariantCulture),
                ["closes"] = range.Close.ToString("HH:mm", CultureInfo.InvariantCulture),
            }));
        }

        // schema.org marks a closure as opens = closes = 00:00 over the dates it covers.
        list.AddRange(hours.Exceptions.Where(e => e.Closed).Select(e => new Dictionary<string, object?>
        {
            ["@type"] = "OpeningHoursSpecification",
            ["opens"] = "00:00",
            ["closes"] = "00:00",
            ["validFrom"] = e.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["validThrough"] = e.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }));
        return list;
    }
}
