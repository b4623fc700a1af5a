using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using VillageCraftPortal.Web.Content;

namespace VillageCraftPortal.Web.Backoffice.Preview;

/// <summary>What a preview link shows: one version of one document, in one culture.</summary>
public sealed record PreviewTicket(int DocumentId, int Version, string Culture);

/// <summary>
/// Signed, time-limited preview links (/preview/{token}): anyone holding one sees exactly that draft for a day, for
/// example a publisher reviewing an editor's change, without any other access.
/// </summary>
public sealed class PreviewLinks(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("VillageCraftPortal.Preview.v1").ToTimeLimitedDataProtector();

    public string Create(PreviewTicket ticket) =>
        "/preview/" + _protector.Protect(
            string.Create(CultureInfo.InvariantCulture, $"{ticket.DocumentId}:{ticket.Version}:{ticket.Culture}"),
            clock.GetUtcNow().Add(Lifetime));

    public PreviewTicket? Read(string token)
    {
        try
        {
            var parts = _protector.Unprotect(token, out var expires).Split(':');
            return expires >= clock.GetUtcNow() && parts.Length == 3
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                && Cultures.IsSupported(parts[2])
                ? new PreviewTicket(id, version, parts[2])
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
