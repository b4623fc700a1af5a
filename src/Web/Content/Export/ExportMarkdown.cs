using VillageCraftPortal.Web.Content.Html;

namespace VillageCraftPortal.Web.Content.Export;

/// <summary>
/// Finds the Markdown that the importer turns back into a stored, sanitised HTML. Usually that is the HTML itself:
/// Markdig passes HTML blocks through and the sanitiser leaves sanitised HTML as it is. HTML that starts with bare
/// text (what is left of a tag the sanitiser removed) goes inside a &lt;div&gt;, which the sanitiser removes again.
/// Each candidate is checked with the importer's own conversion; null when none reads back the same.
/// </summary>
public sealed class ExportMarkdown(ContentHtml html)
{
    public string? ForHtml(string value) =>
        First(value, html.FromMarkdown, value, $"<div>\n{value}\n</div>");

    /// <summary>For an image caption: inline HTML without its paragraph.</summary>
    public string? ForInlineHtml(string value) =>
        First(value, html.FromInlineMarkdown, value, $"<p>{value}</p>", $"<div>\n{value}\n</div>");

    private static string? First(string expected, Func<string, string> import, params string[] candidates) =>
        candidates.FirstOrDefault(candidate => import(candidate) == expected);
}
