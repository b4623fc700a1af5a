using Microsoft.AspNetCore.Razor.TagHelpers;
using VillageCraftPortal.Web.Content;

namespace VillageCraftPortal.Web.Shared.TagHelpers;

/// <summary>
/// Writes a culture value into an element: <c>&lt;h1 vcp-text="Model.Name"&gt;</c>. When English fell back to
/// Vietnamese the element gets <c>lang="vi"</c>, so screen readers and translators know which language it is in.
/// </summary>
[HtmlTargetElement(Attributes = TextAttribute)]
[HtmlTargetElement(Attributes = HtmlAttribute)]
public sealed class LocalizedTextTagHelper : TagHelper
{
    private const string TextAttribute = "vcp-text";
    private const string HtmlAttribute = "vcp-html";

    /// <summary>Plain text, HTML-encoded on output.</summary>
    [HtmlAttributeName(TextAttribute)]
    public Localized<string>? Text { get; set; }

    /// <summary>HTML that was sanitised when it was saved and again when it was published.</summary>
    [HtmlAttributeName(HtmlAttribute)]
    public Localized<string>? Html { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var value = Text ?? Html;
        if (value is null || !value.Value.HasValue)
        {
            output.SuppressOutput();
            return;
        }

        if (value.Value.IsFallback)
        {
            output.Attributes.SetAttribute("lang", value.Value.Culture);
        }

        if (Text is not null)
        {
            output.Content.SetContent(value.Value.Value);
        }
        else
        {
            output.Content.SetHtmlContent(value.Value.Value);
        }
    }
}
