using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Features.Seo;
using VillageCraftPortal.Web.Infrastructure;
using VillageCraftPortal.Web.Media.Processing;
using VillageCraftPortal.Web.Media.Serving;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Features;

/// <summary>
/// The base of every page that renders a published document: the node, its culture and snapshot, and the page's
/// head metadata (title, canonical, hreflang alternates, Open Graph, breadcrumbs).
/// </summary>
public abstract class ContentPageModel : PageModel
{
    private ContentRequest? _content;

    public PublishedNode Node => Resolved.Node;

    public string Culture => Resolved.Culture;

    public PublishedSnapshot Snapshot => Resolved.Snapshot;

    public PageMeta Meta { get; private set; } = null!;

    private ContentRequest Resolved => _content ??= HttpContext.Features.Get<ContentRequest>()
        ?? throw new InvalidOperationException("A content page was reached without the content route.");

    public bool IsPreview => Snapshot.IsPreview;

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (IsPreview && HttpContext.Features.Get<Microsoft.AspNetCore.OutputCaching.IOutputCacheFeature>() is { } cache)
        {
            // A draft seen through a preview link is never stored for anyone else.
            cache.Context.AllowCacheStorage = false;
        }

        var site = HttpContext.RequestServices.GetRequiredService<IOptions<SiteOptions>>().Value;
        Meta = CreateMeta(site);
        foreach (var data in StructuredData.For(Node, Culture, Snapshot, site))
        {
            Meta.AddJsonLd(data);
        }

        ViewData.SetMeta(Meta);
    }

    /// <summary>The title shown in the tab and search results; pages may override it.</summary>
    protected virtual string PageTitle(string siteName) =>
        Node.Parent is null ? siteName : $"{Node.Name(Culture).Value} · {siteName}";

    private PageMeta CreateMeta(SiteOptions site)
    {
        var texts = HttpContext.RequestServices.GetRequiredService<UiTexts>();
        var hero = Snapshot.Media(Node.Value<Guid>("heroImage"));
        return new PageMeta
        {
            Title = PageTitle(texts.Get(Culture, "site.name")),
            Culture = Culture,
            Description = Node.Text("summary", Culture).Value is { Length: > 0 } summary ? summary : null,
            CanonicalUrl = site.Absolute(Node.Url(Culture)),
            Alternates = [.. Cultures.All.Select(c => new AlternateLink(c, Node.Url(c), site.Absolute(Node.Url(c))))],
            XDefaultUrl = site.Absolute(Node.Url(Cultures.Default)),
            Image = hero,
            ImageUrl = hero is null ? null : site.Absolute(MediaUrls.Preset(hero, ImagePresets.OpenGraph, 1200)),
            OpenGraphType = Node.ContentType == VillageCraftPortal.Web.Content.Types.DocumentTypes.Article ? "article" : "website",
            NoIndex = IsPreview,
            IsPreview = IsPreview,
            Breadcrumbs = [.. Node.Ancestors().Reverse().Append(Node).Select(n => new Breadcrumb(n.Name(Culture).Value, n.Url(Culture), n.Name(Culture).IsFallback ? n.Name(Culture).Culture : null))],
        };
    }
}
