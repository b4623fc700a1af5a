using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace VillageCraftPortal.Web.Content.Versions;

/// <summary>
/// Editors' HTML as the text a reader sees: whitespace collapsed as a browser would, a blank line between paragraphs
/// and headings, list items ("• " or "1. ") and table rows (cells joined by " | ") one per line, tags gone.
/// </summary>
internal static class HtmlToText
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "table", "caption",
        "thead", "tbody", "tfoot", "figure", "figcaption", "hr", "section", "article", "aside", "header", "footer",
    };

    public static string Convert(string html)
    {
        // The parser holds no state between documents, but is cheap enough to make per call and so needs no locking.
        var document = new HtmlParser().ParseDocument(html);
        var writer = new Writer();
        if (document.Body is { } body)
        {
            Walk(body, writer);
        }

        return writer.ToText();
    }

    private static void Walk(INode node, Writer writer)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    writer.Text(text.Data, preformatted: text.ParentElement?.Closest("pre") is not null);
                    break;
                case IElement element:
                    Element(element, writer);
                    break;
            }
        }
    }

    private static void Element(IElement element, Writer writer)
    {
        var tag = element.LocalName;
        switch (tag)
        {
            case "br":
                writer.LineBreak();
                return;
            case "script" or "style" or "template":
                return;
            case "li":
                writer.Break();
                writer.Items++;
                writer.Prefix = element.ParentElement?.LocalName == "ol" ? $"{IndexAmongItems(element)}. " : "• ";
                Walk(element, writer);
                writer.Break();
                writer.Items--;
                writer.Prefix = null;
                return;
            case "tr":
                writer.Break();
                writer.Items++;
                Walk(element, writer);
                writer.Break();
                writer.Items--;
                return;
            case "td" or "th":
                writer.Cell();
                Walk(element, writer);
                return;
        }

        var block = BlockTags.Contains(tag);
        if (block)
        {
            writer.Break();
        }

        Walk(element, writer);
        if (block)
        {
            writer.Break();
        }
    }

    private static int IndexAmongItems(IElement item)
    {
        var index = 1;
        for (var sibling = item.PreviousElementSibling; sibling is not null; sibling = sibling.PreviousElementSibling)
        {
            if (sibling.LocalName == "li")
            {
                index++;
            }
        }

        return index;
    }

    private sealed class Writer
    {
        private readonly List<(string Text, bool Tight)> _chunks = [];
        private readonly StringBuilder _current = new();

        /// <summary>How many list items or table rows we are in: their lines are not separated by blank lines.</summary>
        public int Items { get; set; }

        /// <summary>Written before the next text (a list item's bullet), unless the item turns out empty.</summary>
        public string? Prefix { get; set; }

        public void Text(string data, bool preformatted)
        {
            foreach (var c in data)
            {
                if (!preformatted && (char.IsWhiteSpace(c) || c == '\u00A0'))
                {
                    if (_current.Length > 0 && _current[^1] is not (' ' or '\n'))
                    {
                        _current.Append(' ');
                    }

                    continue;
                }

                if (Prefix is not null && c is not (' ' or '\n'))
                {
                    _current.Append(Prefix);
                    Prefix = null;
                }

                _current.Append(c == '\r' ? '\n' : c);
            }
        }

        public void LineBreak()
        {
            TrimEndSpaces();
            _current.Append('\n');
        }

        public void Cell()
        {
            TrimEndSpaces();
            if (_current.Length > 0 && _current[^1] != '\n')
            {
                _current.Append(" | ");
            }
        }

        public void Break()
        {
            var text = string.Join('\n', _current.ToString().Split('\n').Select(l => l.TrimEnd())).Trim('\n');
            if (text.Length > 0)
            {
                _chunks.Add((text, Items > 0));
            }

            _current.Clear();
        }

        public string ToText()
        {
            Break();
            var result = new StringBuilder();
            for (var i = 0; i < _chunks.Count; i++)
            {
                if (i > 0)
                {
                    result.Append(_chunks[i - 1].Tight && _chunks[i].Tight ? "\n" : "\n\n");
                }

                result.Append(_chunks[i].Text);
            }

            return result.ToString();
        }

        private void TrimEndSpaces()
        {
            while (_current.Length > 0 && _current[^1] == ' ')
            {
                _current.Length--;
            }
        }
    }
}
