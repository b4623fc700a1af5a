using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Infrastructure;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Features.Seo;

/// <summary>A sitemap page that is not a content node: its address in each culture and when it last changed.</summary>
public sealed record SitemapPage(Func<string, string> Path, DateTime? LastModified);

public static class SeoEndpoints
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    public static IEndpointRouteBuilder MapSeo(this IEndpointRouteBuilder endpoints)
    {
        // "/" has no content of its own: send the visitor to the culture their browser prefers (Vietnamese by default).
        endpoints.MapGet("/", (HttpContext context) =>
        {
            context.Response.Headers.Vary = "Accept-Language";
            context.Response.Headers.CacheControl = "private, no-cache";
            return Results.Redirect("/" + SiteCulture.FromAcceptLanguage(context.Request.Headers.AcceptLanguage));
        }).ExcludeFromDescription();

        // Products are in it too, so a new one appears once the cached sitemap expires (or the next publish evicts it).
        endpoints.MapGet("/sitemap.xml", async (PublishedSnapshotAccessor snapshots, IOptions<SiteOptions> site, Products.CatalogueQuery catalogue, CancellationToken cancellationToken) =>
            Results.Text(Sitemap(snapshots.Current, site.Value, await Products.StorefrontSitemap.PagesAsync(catalogue, snapshots.Current, cancellationToken)), "application/xml; charset=utf-8", Encoding.UTF8))
            .CacheOutput(PublicSiteExtensions.ContentCachePolicy).ExcludeFromDescription();

        endpoints.MapGet("/robots.txt", (IOptions<SiteOptions> site) =>
            Results.Text($"User-agent: *\nAllow: /\nDisallow: /backoffice\nDisallow: /api/\n\nSitemap: {site.Value.Absolute("/sitemap.xml")}\n", "text/plain; charset=utf-8"))
            .ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// Every published page in every culture, each with its alternates (hreflang) and last change, then the
    /// <paramref name="more"/> pages that are not content (the shop's).
    /// </summary>
    public static string Sitemap(PublishedSnapshot snapshot, SiteOptions site, IEnumerable<SitemapPage>? more = null)
    {
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", SitemapNamespace);
            xml.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
            foreach (var node in snapshot.Nodes.OrderBy(n => n.Level).ThenBy(n => n.Url(Cultures.Default), StringComparer.Ordinal))
            {
                foreach (var culture in Cultures.All)
                {
                    xml.WriteStartElement("url", SitemapNamespace);
                    xml.WriteElementString("loc", SitemapNamespace, site.Absolute(node.Url(culture)));
                    xml.WriteElementString("lastmod", SitemapNamespace, node.PublishedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    foreach (var alternate in Cultures.All)
                    {
                        WriteAlternate(xml, alternate, site.Absolute(node.Url(alternate)));
                    }

                    WriteAlternate(xml, "x-default", site.Absolute(node.Url(Cultures.Default)));
                    xml.WriteEndElement();
                }
            }

            foreach (var page in more ?? [])
            {
                foreach (var culture in Cultures.All)
                {
                    xml.WriteStartElement("url", SitemapNamespace);
                    xml.WriteElementString("loc", SitemapNamespace, site.Absolute(page.Path(culture)));
                    if (page.LastModified is { } lastModified)
                    {
                        xml.WriteElementString("lastmod", SitemapNamespace, lastModified.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    }

                    foreach (var alternate in Cultures.All)
                    {
                        WriteAlternate(xml, alternate, site.Absolute(page.Path(alternate)));
                    }

                    WriteAlternate(xml, "x-default", site.Absolute(page.Path(Cultures.Default)));
                    xml.WriteEndElement();
                }
            }

            xml.WriteEndElement();
        }

        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void WriteAlternate(XmlWriter xml, string hreflang, string href)
    {
        xml.WriteStartElement("xhtml", "link", XhtmlNamespace);
        xml.WriteAttributeString("rel", "alternate");
        xml.WriteAttributeString("hreflang", hreflang);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }
}
