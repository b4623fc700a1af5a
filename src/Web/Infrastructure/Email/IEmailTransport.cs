using MimeKit;

namespace VillageCraftPortal.Web.Infrastructure.Email;

/// <summary>Where composed messages go: an SMTP server or a pickup folder (chosen by <see cref="EmailOptions.Mode"/>).</summary>
public interface IEmailTransport
{
    /// <summary>One session per dispatch pass, so SMTP connects once for many messages. Opening does no I/O.</summary>
    IEmailTransportSession OpenSession();
}

public interface IEmailTransportSession : IAsyncDisposable
{
    /// <summary>Sends one message; throws when it could not be handed over (the dispatcher records it and retries).</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
