using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace VillageCraftPortal.Web.Infrastructure.Email;

/// <summary>Sends through an SMTP server with MailKit: one connection per dispatch pass, opened on the first message.</summary>
public sealed class SmtpEmailTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    /// <summary>Per network operation; MailKit's default (2 minutes) would hold a pass for long on a dead server.</summary>
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(30);

    public IEmailTransportSession OpenSession() => new Session(options.Value.Smtp);

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.Auto,
    };

    private sealed class Session(SmtpOptions settings) : IEmailTransportSession
    {
        private readonly SmtpClient _client = new() { Timeout = (int)OperationTimeout.TotalMilliseconds };

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            if (!_client.IsConnected)
            {
                await ConnectAsync(cancellationToken);
            }

            await _client.SendAsync(message, cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (_client.IsConnected)
                {
                    await _client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception ex) when (ex is IOException or ProtocolException or CommandException or OperationCanceledException)
            {
                // Everything was sent or recorded as failed already; a rude goodbye loses nothing.
            }
            finally
            {
                _client.Dispose();
            }
        }

        private async Task ConnectAsync(CancellationToken cancellationToken)
        {
            var host = settings.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set (the options validator should have refused this).");
            await _client.ConnectAsync(host, settings.Port, SocketOptions(settings.Security), cancellationToken);
            if (string.IsNullOrEmpty(settings.UserName))
            {
                return;
            }

            // Auto falls back to plain text when a server offers no STARTTLS; never let that leak the password.
            if (!_client.IsSecure && settings.Security != SmtpSecurity.None)
            {
                await _client.DisconnectAsync(quit: true, cancellationToken);
                throw new AuthenticationException(
                    $"{settings.Host}:{settings.Port} offered no TLS, so the password was not sent. Use StartTls or SslOnConnect, or None for a trusted local relay.");
            }

            await _client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
        }
    }
}
