namespace VillageCraftPortal.Web.Infrastructure.Email;

public enum EmailMode
{
    /// <summary>Write each message as an .eml file into a folder (development, or a relay that watches the folder).</summary>
    Pickup,

    /// <summary>Send through an SMTP server.</summary>
    Smtp,
}

/// <summary>How the SMTP connection is protected; the names follow MailKit's <c>SecureSocketOptions</c>.</summary>
public enum SmtpSecurity
{
    /// <summary>TLS on connect for port 465, otherwise STARTTLS when the server offers it.</summary>
    Auto,

    /// <summary>STARTTLS, required: refuse to send if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,

    /// <summary>Plain text: only for a relay on the same machine or a test server.</summary>
    None,
}

public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailMode Mode { get; set; } = EmailMode.Pickup;

    /// <summary>The sender, as an address or <c>Name &lt;address&gt;</c>.</summary>
    public string From { get; set; } = "VillageCraftPortal <no-reply@localhost>";

    /// <summary>Where pickup mode writes .eml files; relative paths are under DataDir. Default: DataDir/mail.</summary>
    public string? PickupDirectory { get; set; }

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>When set, the client authenticates; no default, so credentials only ever come from configuration.</summary>
    public string? UserName { get; set; }

    /// <summary>A secret: pass it through the environment (<c>Email__Smtp__Password</c>) or user secrets.</summary>
    public string? Password { get; set; }
}
