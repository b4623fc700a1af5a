using System.Security.Cryptography;
using System.Text;

namespace VillageCraftPortal.Web.Content.Import;

/// <summary>
/// The GUID of a document or media item is derived from its readable alias (a name-based UUID, RFC 9562 v5 style),
/// so re-importing finds the same rows and references resolve before the rows exist.
/// </summary>
public static class StableKeys
{
    private static readonly Guid DocumentNamespace = new("6f1e6f6c-5b1a-4d0a-9a57-1f1e0c5d8a01");
    private static readonly Guid MediaNamespace = new("0b6f3c2e-9c1d-4f7e-8a3b-2d4e5f607182");

    public static Guid ForDocument(string alias) => Create(DocumentNamespace, alias);

    public static Guid ForMedia(string alias) => Create(MediaNamespace, alias);

    private static Guid Create(Guid ns, string name)
    {
        Span<byte> nsBytes = stackalloc byte[16];
        ns.TryWriteBytes(nsBytes, bigEndian: true, out _);
        var input = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        nsBytes.CopyTo(input);
        Encoding.UTF8.GetBytes(name, input.AsSpan(16));
#pragma warning disable CA5350 // SHA-1 is what name-based v5 UUIDs are defined with; this is an identifier, not security.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
