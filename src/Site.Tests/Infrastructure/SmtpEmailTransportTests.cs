using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using VillageCraftPortal.Web.Infrastructure.Email;

namespace VillageCraftPortal.Site.Tests.Infrastructure;

/// <summary>The SMTP transport on its own, against a real (plain-text) SMTP server.</summary>
public sealed class SmtpEmailTransportTests : IAsyncLifetime
{
    private SmtpListener _smtp = null!;

    public async Task InitializeAsync() => _smtp = await SmtpListener.StartNewAsync();

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    [Fact]
    public async Task One_session_sends_several_messages()
    {
        await using (var session = Transport(SmtpSecurity.None).OpenSession())
        {
            await session.SendAsync(Message("Thư một"), CancellationToken.None);
            await session.SendAsync(Message("Thư hai"), CancellationToken.None);
        }

        Assert.Equal(["Thư một", "Thư hai"], _smtp.Messages.Select(m => m.Subject));
    }

    [Fact]
    public async Task A_password_is_never_sent_over_a_connection_the_server_did_not_encrypt()
    {
        await using var session = Transport(SmtpSecurity.Auto, userName: "shop", password: "secret").OpenSession();

        var error = await Assert.ThrowsAsync<AuthenticationException>(() => session.SendAsync(Message("Thư"), CancellationToken.None));

        Assert.Contains("offered no TLS", error.Message, StringComparison.Ordinal);
        Assert.Empty(_smtp.Messages);
    }

    private SmtpEmailTransport Transport(SmtpSecurity security, string? userName = null, string? password = null) =>
        new(Options.Create(new EmailOptions
        {
            Mode = EmailMode.Smtp,
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = _smtp.Port, Security = security, UserName = userName, Password = password },
        }));

    private static MimeMessage Message(string subject)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = "Xin chào" } };
        message.From.Add(MailboxAddress.Parse("no-reply@vcp.test"));
        message.To.Add(MailboxAddress.Parse("hoa@example.vn"));
        return message;
    }
}
