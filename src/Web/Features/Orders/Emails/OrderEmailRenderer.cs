using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace VillageCraftPortal.Web.Features.Orders.Emails;

/// <summary>
/// Writes an <see cref="OrderEmail"/> as plain text and as simple HTML: headings, paragraphs and tables with proper
/// header cells (read well by screen readers), inline styles only (mail clients drop style sheets), and every value
/// HTML-encoded, since names, addresses and product names come from people.
/// </summary>
public static class OrderEmailRenderer
{
    // Vietnamese letters stay letters (not &#x…; entities); markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Ink = "#1f1a17";
    private const string Muted = "#5c524b";
    private const string Brand = "#7a2e1f";
    private const string Line = "#d9ccb9";

    public static string ToText(OrderEmail email, string footer)
    {
        var text = new StringBuilder();
        text.Append(email.Heading).Append('\n').Append(new string('=', email.Heading.Length)).Append("\n\n");
        foreach (var block in email.Blocks)
        {
            switch (block)
            {
                case EmailSection section:
                    text.Append(section.Text).Append('\n').Append(new string('-', section.Text.Length)).Append('\n');
                    break;
                case EmailParagraph paragraph:
                    text.Append(paragraph.Text).Append("\n\n");
                    break;
                case EmailFacts facts:
                    foreach (var fact in facts.Facts)
                    {
                        text.Append(fact.Label).Append(": ").Append(fact.Value).Append('\n');
                    }

                    text.Append('\n');
                    break;
                case EmailLines lines:
                    text.Append(lines.Caption).Append('\n');
                    foreach (var line in lines.Lines)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"- {line.Name}: {line.Quantity} × {line.UnitPrice} = {line.Amount}\n");
                    }

                    text.Append('\n');
                    break;
                case EmailLink link:
                    text.Append(link.Text).Append(": ").Append(link.Url).Append("\n\n");
                    break;
                case EmailImage:
                    // The words around the picture say what it holds.
                    break;
            }
        }

        return text.Append("-- \n").Append(footer).Append('\n').ToString();
    }

    public static string ToHtml(OrderEmail email, string footer)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="{E(email.Culture)}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(email.Subject)}</title>
            </head>
            <body style="margin:0;padding:0;background:#fffdf9;color:{Ink};font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
            <div role="article" aria-roledescription="email" lang="{E(email.Culture)}" style="max-width:640px;margin:0 auto;padding:16px">
            <h1 style="font-size:24px;line-height:1.25;color:{Brand};margin:0 0 16px">{E(email.Heading)}</h1>

            """);
        foreach (var block in email.Blocks)
        {
            html.Append(Block(block)).Append('\n');
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            <hr style="border:0;border-top:1px solid {Line};margin:24px 0 12px">
            <p style="margin:0;color:{Muted};font-size:14px">{E(footer)}</p>
            </div>
            </body>
            </html>

            """);
        return html.ToString();
    }

    private static string Block(EmailBlock block) => block switch
    {
        EmailSection section => $"<h2 style=\"font-size:19px;line-height:1.3;margin:24px 0 8px\">{E(section.Text)}</h2>",
        EmailParagraph paragraph => $"<p style=\"margin:0 0 12px\">{E(paragraph.Text)}</p>",
        EmailFacts facts => Facts(facts),
        EmailLines lines => Lines(lines),
        EmailImage image => string.Create(CultureInfo.InvariantCulture,
            $"<p style=\"margin:0 0 12px\"><img src=\"cid:{E(image.Image.ContentId)}\" alt=\"{E(image.Alt)}\" width=\"{image.Size}\" height=\"{image.Size}\" style=\"display:block;border:0\"></p>"),
        EmailLink link => $"<p style=\"margin:0 0 12px\"><a href=\"{E(link.Url)}\" style=\"color:{Brand}\">{E(link.Text)}</a></p>",
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "An email block with no HTML form."),
    };

    private static string Facts(EmailFacts facts)
    {
        var html = new StringBuilder($"<table style=\"border-collapse:collapse;margin:0 0 12px\">\n<tbody>\n");
        foreach (var fact in facts.Facts)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><th scope=\"row\" style=\"text-align:left;vertical-align:top;padding:4px 16px 4px 0;font-weight:bold\">{E(fact.Label)}</th><td style=\"padding:4px 0\">{E(fact.Value)}</td></tr>\n");
        }

        return html.Append("</tbody>\n</table>").ToString();
    }

    private static string Lines(EmailLines lines)
    {
        const string cell = "padding:6px 8px 6px 0;border-bottom:1px solid " + Line;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<table style=\"width:100%;border-collapse:collapse;margin:0 0 16px\">\n<caption style=\"text-align:left;font-weight:bold;padding:0 0 4px\">{E(lines.Caption)}</caption>\n<thead><tr>");
        for (var i = 0; i < lines.Columns.Count; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\" style=\"{cell};text-align:{(i == 0 ? "left" : "right")}\">{E(lines.Columns[i])}</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var line in lines.Lines)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td style=\"{cell}\">{E(line.Name)}</td><td style=\"{cell};text-align:right\">{line.Quantity}</td><td style=\"{cell};text-align:right;white-space:nowrap\">{E(line.UnitPrice)}</td><td style=\"{cell};text-align:right;white-space:nowrap\">{E(line.Amount)}</td></tr>\n");
        }

        return html.Append("</tbody>\n</table>").ToString();
    }

    private static string E(string value) => Encoder.Encode(value);
}
