using VillageCraftPortal.Web.Content.Values;
using static VillageCraftPortal.Web.Content.Types.PropertyEditors;

namespace VillageCraftPortal.Web.Content.Types;

/// <summary>The site's document types and their property aliases.</summary>
public static class DocumentTypes
{
    public const string Home = "home";
    public const string VillageIndex = "villageIndex";
    public const string Village = "village";

    /// <summary>Villages carry the alias "village-{code}"; the code ("bat-trang") scopes staff, media and products.</summary>
    public const string VillageAliasPrefix = "village-";
    public const string DesignCentre = "designCentre";
    public const string Experience = "experience";
    public const string ArticleIndex = "articleIndex";
    public const string Article = "article";
    public const string Page = "page";
    public const string ItineraryIndex = "itineraryIndex";

    /// <summary>A curated plan: the places each day visits (the planner orders and times them).</summary>
    public const string Itinerary = "itinerary";

    /// <summary>The day properties of an itinerary, in day order.</summary>
    public static readonly IReadOnlyList<string> ItineraryDays = ["day1Stops", "day2Stops", "day3Stops"];

    /// <summary>The document types a trip (and a curated itinerary's day) can visit.</summary>
    public static readonly IReadOnlyList<string> Places = [Village, DesignCentre, Experience];

    public static readonly IReadOnlyList<string> Crafts =
    [
        "ceramics", "silk", "lacquer", "mother-of-pearl-inlay", "rattan-bamboo", "banh-chung",
        "wooden-statues", "fine-art-wood", "ao-dai",
    ];

    public static readonly IReadOnlyList<string> ExperienceKinds = ["workshop", "tour", "demonstration", "tasting"];

    private static readonly Dictionary<string, DocumentType> ByAlias = Define().ToDictionary(t => t.Alias, StringComparer.Ordinal);

    public static IReadOnlyCollection<DocumentType> All => ByAlias.Values;

    public static DocumentType? Find(string alias) => ByAlias.GetValueOrDefault(alias);

    public static DocumentType Get(string alias) =>
        Find(alias) ?? throw new InvalidOperationException($"Unknown document type '{alias}'.");

    /// <summary>Properties every document has.</summary>
    private static IEnumerable<PropertyType> Common() =>
    [
        new("name", Text, VariesByCulture: true) { Required = true, MaxLength = 200 },
        new("slug", Text, VariesByCulture: true) { Required = true, MaxLength = 120, Group = "seo" },
        new("summary", TextArea, VariesByCulture: true) { MaxLength = 300 },
        new("heroImage", MediaPicker),
        new("body", Blocks, VariesByCulture: true),
        new("sources", Sources) { Group = "sources" },
        new("unverified", StringList) { Group = "sources" },
        new("notes", TextArea, VariesByCulture: true) { MaxLength = 1000, Group = "sources" },
    ];

    private static IEnumerable<PropertyType> Visit() =>
    [
        new("address", Text, VariesByCulture: true) { MaxLength = 300, Group = "visit" },
        new("location", Geo) { Group = "visit" },
        new("gallery", MediaList),
    ];

    private static IEnumerable<DocumentType> Define()
    {
        yield return new DocumentType(Home, [
            .. Common(),
            new("tagline", Text, VariesByCulture: true) { MaxLength = 200 },
            new("programmeSummary", TextArea, VariesByCulture: true) { MaxLength = 500 },
            new("featuredExperiences", ContentList) { Choices = [Experience] },
        ], [VillageIndex, ArticleIndex, ItineraryIndex, Page]);

        yield return new DocumentType(VillageIndex, Common(), [Village]);

        yield return new DocumentType(Village, [
            .. Common(),
            .. Visit(),
            new("crafts", ChoiceList) { Required = true, Choices = Crafts },
            new("commune", Text, VariesByCulture: true) { MaxLength = 200, Group = "visit" },
            new("formerDistrict", Text, VariesByCulture: true) { MaxLength = 200, Group = "visit" },
            new("roadDistanceKm", Number) { Min = 0, Max = 500, Group = "visit" },
            new("gettingThereBus", TextArea, VariesByCulture: true) { MaxLength = 1000, Group = "visit" },
            new("gettingThereTaxi", TextArea, VariesByCulture: true) { MaxLength = 1000, Group = "visit" },
            new("gettingThereMotorbike", TextArea, VariesByCulture: true) { MaxLength = 1000, Group = "visit" },
            new("seasonsAndFestivals", RichText, VariesByCulture: true) { MaxLength = 20_000 },
        ], [DesignCentre, Experience]);

        yield return new DocumentType(DesignCentre, [
            .. Common(),
            .. Visit(),
            new("recognitionYear", WholeNumber) { Required = true, Min = 2000, Max = 2100 },
            new("starRating", WholeNumber) { Required = true, Min = 3, Max = 4 },
            new("starRatingSource", TextArea, VariesByCulture: true) { MaxLength = 1000 },
            new("starRatingIllustrative", Toggle),
            new("scoreBand", Choice) { Choices = ["70-80", "80-90"] },
            new("scoreBandIllustrative", Toggle),
            new("zones", Zones),
            new("floorAreaM2", Number) { Min = 1, Max = 100_000 },
            new("openingHours", Hours) { Group = "visit" },
            new("phone", Phone) { Group = "contact" },
            new("email", Email) { Group = "contact" },
            new("zalo", Phone) { Group = "contact" },
            new("facebook", Url) { Group = "contact" },
            new("website", Url) { Group = "contact" },
            new("languages", StringList) { Group = "contact" },
        ], []);

        yield return new DocumentType(Experience, [
            .. Common(),
            .. Visit(),
            new("kind", Choice) { Required = true, Choices = ExperienceKinds },
            new("durationMinutes", WholeNumber) { Required = true, Min = 10, Max = 24 * 60 },
            new("priceFromVnd", WholeNumber) { Min = 0, Max = 1_000_000_000 },
            new("priceToVnd", WholeNumber) { Min = 0, Max = 1_000_000_000 },
            new("priceIllustrative", Toggle),
            new("bookingPhone", Phone) { Group = "contact" },
            new("bookingEmail", Email) { Group = "contact" },
            new("bookingUrl", Url) { Group = "contact" },
            new("bookingNote", TextArea, VariesByCulture: true) { MaxLength = 1000, Group = "contact" },
            new("seasons", TextArea, VariesByCulture: true) { MaxLength = 1000 },
            new("months", WholeNumberList) { Min = 1, Max = 12 },
        ], []);

        yield return new DocumentType(ArticleIndex, Common(), [Article]);

        yield return new DocumentType(Article, [
            .. Common(),
            new("publishedOn", DatePicker) { Required = true },
            new("author", Text) { MaxLength = 200 },
            new("tags", StringList),
        ], []);

        yield return new DocumentType(Page, Common(), [Page]);

        yield return new DocumentType(ItineraryIndex, Common(), [Itinerary]);

        yield return new DocumentType(Itinerary, [
            .. Common(),
            .. ItineraryDays.Select((alias, day) => new PropertyType(alias, ContentList) { Required = day == 0, Choices = Places, Group = "plan" }),
            new("pace", Choice) { Choices = ["relaxed", "normal", "packed"], Group = "plan" },
            new("mode", Choice) { Choices = ["car", "motorbike", "bus"], Group = "plan" },
        ], []);
    }
}
