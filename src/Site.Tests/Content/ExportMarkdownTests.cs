using VillageCraftPortal.Web.Content.Export;
using VillageCraftPortal.Web.Content.Html;

namespace VillageCraftPortal.Site.Tests.Content;

/// <summary>
/// Rich text is exported as its HTML. That round-trips because Markdig passes HTML blocks through and the sanitiser
/// leaves sanitised HTML as it is; these check both facts on the kinds of Markdown the seed content uses.
/// </summary>
public sealed class ExportMarkdownTests
{
    private readonly ContentHtml _html = new();

    public static TheoryData<string> Markdown() =>
    [
        "Một đoạn với **chữ đậm**, *nghiêng*, `mã` & ký tự < > \"đặc biệt\".",
        "- Nghề: gốm sứ\n- Vị trí: tả ngạn sông Hồng\n\n  Đoạn thứ hai trong mục.\n- Mục cuối",
        "1. Một\n   1. Một chấm một\n2. Hai",
        "## Tiêu đề\n\nĐoạn có ngắt  \ndòng, [liên kết ngoài](https://example.com/a?b=1&c=2) và [trong](/vi/lang-nghe).",
        "| Cột | Giá trị |\n|---|---|\n| a | 1 |",
        "```\ndòng một\n\n<dòng sau dòng trống>\n```",
        "> Trích dẫn\n>\n> đoạn hai",
        "Đoạn một.\n\n---\n\nĐoạn hai với https://autolink.example/x và ~~gạch~~ ==đánh dấu==.",
        "Dấu “ngoặc” — gạch ngang… &amp; &nbsp; thực thể",
    ];

    [Theory]
    [MemberData(nameof(Markdown))]
    public void Sanitised_html_imports_as_itself(string markdown)
    {
        var stored = _html.FromMarkdown(markdown);

        Assert.Equal(stored, _html.FromMarkdown(stored));
        Assert.Equal(stored, new ExportMarkdown(_html).ForHtml(stored));
    }

    [Fact]
    public void Html_that_starts_with_bare_text_is_wrapped_in_a_div_the_sanitiser_removes()
    {
        // What is left of <div>...</div> in an imported file: the sanitiser removes the tag and keeps its text.
        var stored = _html.FromMarkdown("<div>Chữ <em>còn lại</em></div>\n\nĐoạn sau.");

        var markdown = new ExportMarkdown(_html).ForHtml(stored);

        Assert.Equal("Chữ <em>còn lại</em>\n<p>Đoạn sau.</p>", stored);
        Assert.Equal($"<div>\n{stored}\n</div>", markdown);
        Assert.Equal(stored, _html.FromMarkdown(markdown!));
    }

    [Fact]
    public void A_caption_is_written_as_plain_text_when_it_reads_back_the_same_and_in_a_paragraph_otherwise()
    {
        var export = new ExportMarkdown(_html);

        Assert.Equal("Vuốt gốm – <strong>bàn xoay</strong>", export.ForInlineHtml("Vuốt gốm – <strong>bàn xoay</strong>"));
        Assert.Equal("<p>2 * 3 * 4 = *24*</p>", export.ForInlineHtml("2 * 3 * 4 = *24*"));
    }

    [Fact]
    public void Html_that_no_markdown_reproduces_is_reported()
    {
        Assert.Null(new ExportMarkdown(_html).ForHtml("bare text\n\nwith a blank line"));
    }
}
