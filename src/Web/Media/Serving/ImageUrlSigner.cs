using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using VillageCraftPortal.Web.Infrastructure;

namespace VillageCraftPortal.Web.Media.Serving;

/// <summary>
/// Signs URLs that ask for sizes, crops or formats outside the presets, so only the site can mint them
/// (Umbraco's ImageSharp.Web resizes anything unsigned, which invites denial of service).
/// </summary>
public sealed class ImageUrlSigner
{
    private readonly byte[] _key;

    public ImageUrlSigner(IOptions<MediaOptions> options, DataDirectory dataDirectory)
    {
        _key = string.IsNullOrWhiteSpace(options.Value.SigningKey)
            ? LoadOrCreateKey(Path.Combine(dataDirectory.Root, "keys", "media-signing.key"))
            : Convert.FromBase64String(options.Value.SigningKey);
        if (_key.Length < 32)
        {
            throw new InvalidOperationException("Media:SigningKey must be at least 32 bytes, base64-encoded.");
        }
    }

    /// <summary>The signature of a path and its query parameters (in any order, the signature itself excluded).</summary>
    public string Sign(string path, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var canonical = path + "?" + string.Join('&', parameters
            .Where(p => p.Key != "s")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(canonical));
        return Convert.ToBase64String(mac, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public bool Verify(string path, IEnumerable<KeyValuePair<string, string>> parameters, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(path, parameters));
        var actual = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private static byte[] LoadOrCreateKey(string path)
    {
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
