using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using VillageCraftPortal.Web.Content.Published;

namespace VillageCraftPortal.Web.Shared;

public sealed record Breadcrumb(string Name, string Url, string? Lang = null);

/// <summary>A link to this page in another culture (hreflang alternates and the language switcher).</summary>
public sealed record AlternateLink(string Culture, string Path, string AbsoluteUrl);

/// <summary>What the layout puts in &lt;head&gt; and around the page: title, SEO links, Open Graph, JSON-LD, breadcrumbs.</summary>
public sealed class PageMeta
{
    private static readonly JsonSerializerOptions JsonLdOptions = new()
    {
        // The default encoder escapes <, > and &, so JSON-LD can never close its <script> element.
        Encoder = JavaScriptEncoder.Default,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public required string Title { get; init; }

    public required string Culture { get; init; }

    public string? Description { get; init; }

    public string? CanonicalUrl { get; init; }

    public IReadOnlyList<AlternateLink> Alternates { get; init; } = [];

    public string? XDefaultUrl { get; init; }

    public PublishedMedia? Image { get; init; }

    /// <summary>The absolute address of <see cref="Image"/> for Open Graph.</summary>
    public string? ImageUrl { get; init; }

    public string OpenGraphType { get; init; } = "website";

    public IReadOnlyList<Breadcrumb> Breadcrumbs { get; init; } = [];

    public bool NoIndex { get; init; }

    /// <summary>The page shows a draft through a preview link.</summary>
    public bool IsPreview { get; init; }

    public List<string> JsonLd { get; } = [];

    public void AddJsonLd(object data) => JsonLd.Add(JsonSerializer.Serialize(data, JsonLdOptions));
}

public static class PageMetaExtensions
{
    private const string Key = "PageMeta";

    public static PageMeta? GetMeta(this ViewDataDictionary viewData) => viewData[Key] as PageMeta;

    public static void SetMeta(this ViewDataDictionary viewData, PageMeta meta) => viewData[Key] = meta;
}
