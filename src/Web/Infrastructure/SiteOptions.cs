using System.ComponentModel.DataAnnotations;

namespace VillageCraftPortal.Web.Infrastructure;

public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The public address used in canonical links, hreflang, the sitemap and Open Graph tags.</summary>
    [Required]
    [Url]
    public string BaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>Show exception details instead of the friendly error page (never in production).</summary>
    public bool DetailedErrors { get; set; }

    public string BaseUrlTrimmed => BaseUrl.TrimEnd('/');

    public string Absolute(string path) => BaseUrlTrimmed + (path.StartsWith('/') ? path : "/" + path);
}

public sealed class MapOptions
{
    public const string Section = "Map";

    /// <summary>A Leaflet tile URL template; empty turns tiles off (the map still shows its markers).</summary>
    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public string TileAttribution { get; set; } = "© OpenStreetMap contributors";

    /// <summary>The origin of the tile server, for the Content-Security-Policy.</summary>
    public string? TileOrigin =>
        Uri.TryCreate(TileUrl.Replace("{s}", "a", StringComparison.Ordinal).Replace("{z}", "0", StringComparison.Ordinal)
            .Replace("{x}", "0", StringComparison.Ordinal).Replace("{y}", "0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            ? $"{uri.Scheme}://{uri.Authority}"
            : null;
}
