using Microsoft.Extensions.Options;
using MimeKit;

namespace VillageCraftPortal.Web.Infrastructure.Email;

/// <summary>Refuses settings that would only fail later, when the first email is due and nobody is watching.</summary>
public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var failures = new List<string>();
        if (!EmailAddresses.IsValid(options.From))
        {
            failures.Add($"Email:From '{options.From}' is not an email address (e.g. \"VillageCraftPortal <no-reply@example.vn>\").");
        }

        if (options.Mode == EmailMode.Smtp)
        {
            var smtp = options.Smtp;
            if (string.IsNullOrWhiteSpace(smtp.Host))
            {
                failures.Add("Email:Mode is Smtp but Email:Smtp:Host is empty.");
            }

            if (smtp.Port is < 1 or > 65535)
            {
                failures.Add($"Email:Smtp:Port {smtp.Port} is not a TCP port.");
            }

            if (string.IsNullOrEmpty(smtp.UserName) && !string.IsNullOrEmpty(smtp.Password))
            {
                failures.Add("Email:Smtp:Password is set but Email:Smtp:UserName is empty.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>One notion of a valid address for the settings, the outbox and the forms that feed it.</summary>
public static class EmailAddresses
{
    /// <summary>A single mailbox with a domain: "a@b.vn" or "Nguyễn Văn A &lt;a@b.vn&gt;".</summary>
    public static bool IsValid(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && MailboxAddress.TryParse(ParserOptions.Default, value, out var mailbox)
        && mailbox.Address.IndexOf('@', StringComparison.Ordinal) is > 0 and var at
        && at < mailbox.Address.Length - 1;
}
