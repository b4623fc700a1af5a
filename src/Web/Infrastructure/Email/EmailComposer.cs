using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;

namespace VillageCraftPortal.Web.Infrastructure.Email;

/// <summary>Turns an outbox row into a MIME message: UTF-8 text, and an HTML alternative when there is one.</summary>
public sealed class EmailComposer(IOptions<EmailOptions> options, TimeProvider clock)
{
    private readonly MailboxAddress _from = MailboxAddress.Parse(options.Value.From);

    public MimeMessage Compose(OutboxEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var message = new MimeMessage
        {
            Subject = email.Subject,
            Date = clock.GetUtcNow(),
            // The same id on every attempt lets receivers drop a duplicate if a send is repeated after a crash.
            MessageId = string.Create(CultureInfo.InvariantCulture, $"vcp.{email.Id}.{email.CreatedAt:yyyyMMddHHmmssfff}@{Domain(_from)}"),
            Body = Body(email),
        };
        message.From.Add(_from);
        message.To.Add(MailboxAddress.Parse(email.To));
        return message;
    }

    private static MimeEntity Body(OutboxEmail email)
    {
        var text = Part("plain", email.TextBody);
        if (email.HtmlBody is null)
        {
            return text;
        }

        MimeEntity html = Part("html", email.HtmlBody);
        if (email.Attachments.Count > 0)
        {
            // RFC 2387: the HTML and the images it shows are one related whole, the HTML first.
            var related = new MultipartRelated { html };
            foreach (var attachment in email.Attachments)
            {
                related.Add(Inline(attachment));
            }

            html = related;
        }

        return new MultipartAlternative { text, html };
    }

    private static MimePart Inline(OutboxAttachment attachment) => new(ContentType.Parse(attachment.MediaType))
    {
        ContentId = attachment.ContentId,
        Content = new MimeContent(new MemoryStream(attachment.Content, writable: false)),
        ContentDisposition = new ContentDisposition(ContentDisposition.Inline) { FileName = attachment.FileName },
        ContentTransferEncoding = ContentEncoding.Base64,
    };

    private static TextPart Part(string subtype, string content)
    {
        var part = new TextPart(subtype);
        // Mail's canonical line end is CRLF, whatever the template was written with.
        part.SetText(Encoding.UTF8, content.ReplaceLineEndings("\r\n"));
        return part;
    }

    private static string Domain(MailboxAddress address) =>
        address.Domain is { Length: > 0 } domain ? domain : "localhost";
}
