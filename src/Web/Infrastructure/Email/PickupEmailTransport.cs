using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using MimeKit;

namespace VillageCraftPortal.Web.Infrastructure.Email;

/// <summary>
/// Writes each message as an .eml file into the pickup folder. A file appears complete or not at all (written under
/// a temporary name, then moved), and names sort by time, so a relay or a person reads them in order.
/// </summary>
public sealed class PickupEmailTransport(IOptions<EmailOptions> options, DataDirectory dataDirectory, TimeProvider clock) : IEmailTransport
{
    private static readonly FormatOptions FileFormat = CreateFileFormat();
    private static long _sequence;

    public string Directory { get; } = Resolve(options.Value.PickupDirectory, dataDirectory);

    public IEmailTransportSession OpenSession() => new Session(this);

    private async Task WriteAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        // The sequence orders messages written within the same tick by this process; the random part keeps
        // two instances sharing the folder apart.
        var name = string.Create(CultureInfo.InvariantCulture,
            $"{clock.GetUtcNow().UtcDateTime:yyyyMMdd'T'HHmmssfffffff'Z'}-{Interlocked.Increment(ref _sequence):D6}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        var final = Path.Combine(Directory, name + ".eml");
        var temporary = Path.Combine(Directory, "." + name + ".tmp");
        try
        {
            // UTF-8 bodies as they are (8bit, lines up to RFC 5322's 998), so the file reads in a text editor too; headers
            // stay RFC 2047-encoded.
            message.Prepare(EncodingConstraint.EightBit, maxLineLength: 998);
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await message.WriteToAsync(FileFormat, stream, cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, final);
        }
        finally
        {
            // Only left behind when writing failed; the message stays in the outbox and is written again later.
            File.Delete(temporary);
        }
    }

    private static string Resolve(string? configured, DataDirectory dataDirectory) =>
        string.IsNullOrWhiteSpace(configured) ? dataDirectory.MailPickup
        : Path.IsPathRooted(configured) ? configured
        : Path.Combine(dataDirectory.Root, configured);

    private static FormatOptions CreateFileFormat()
    {
        // Mail files use CRLF line ends whatever the platform, as mail clients and relays expect.
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }

    private sealed class Session(PickupEmailTransport transport) : IEmailTransportSession
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => transport.WriteAsync(message, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
