using System.Globalization;
using Microsoft.AspNetCore.Localization;
using VillageCraftPortal.Web.Content;

namespace VillageCraftPortal.Web.Shared;

/// <summary>The request's site culture ("vi" or "en"), taken from the first path segment.</summary>
public static class SiteCulture
{
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Cultures.English ? Cultures.English : Cultures.Vietnamese;

    /// <summary>"vi" or "en" when the path starts with /vi or /en, else null.</summary>
    public static string? FromPath(PathString path) => FromPath(path.Value);

    public static string? FromPath(string? value)
    {
        if (value is null || value.Length < 3 || value[0] != '/')
        {
            return null;
        }

        var segment = value.Length == 3 || value[3] == '/' ? value[1..3] : null;
        return Cultures.IsSupported(segment) ? segment : null;
    }

    /// <summary>The culture a visitor's browser prefers among ours: Vietnamese unless English ranks higher.</summary>
    public static string FromAcceptLanguage(string? header)
    {
        var best = Cultures.Default;
        var bestQuality = -1.0;
        foreach (var part in (header ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            var language = pieces[0].Split('-')[0].ToLowerInvariant();
            var quality = 1.0;
            foreach (var parameter in pieces.Skip(1))
            {
                if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                    && double.TryParse(parameter[2..], NumberStyles.Float, CultureInfo.InvariantCulture, out var q))
                {
                    quality = q;
                }
            }

            if (Cultures.IsSupported(language) && quality > bestQuality)
            {
                (best, bestQuality) = (language, quality);
            }
        }

        return best;
    }
}

/// <summary>
/// Sets the request culture from /vi or /en. An error page shown for another request takes that request's culture,
/// or the browser's when its path had none; other paths (the sitemap, health) use Vietnamese.
/// </summary>
public sealed class PathCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (httpContext.Request.Path.StartsWithSegments("/backoffice", StringComparison.OrdinalIgnoreCase))
        {
            // The backoffice speaks the user's chosen language (Vietnamese unless they chose English).
            var chosen = httpContext.Request.Cookies[Backoffice.BackofficeExtensions.CultureCookie];
            return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(Cultures.Info(Cultures.IsSupported(chosen) ? chosen! : Cultures.Default).Name));
        }

        if (httpContext.Request.Path.StartsWithSegments("/preview", StringComparison.OrdinalIgnoreCase, out var token)
            && httpContext.RequestServices.GetService<Backoffice.Preview.PreviewLinks>()?.Read(token.Value?.TrimStart('/') ?? string.Empty) is { } ticket)
        {
            // A preview link shows its draft in the link's culture, interface texts and formats included.
            return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(Cultures.Info(ticket.Culture).Name));
        }

        var originalPath = httpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? httpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path;
        var culture = SiteCulture.FromPath(originalPath ?? httpContext.Request.Path.Value ?? string.Empty);
        if (culture is null && (originalPath is not null || httpContext.Request.Path.StartsWithSegments("/error", StringComparison.OrdinalIgnoreCase)))
        {
            culture = SiteCulture.FromAcceptLanguage(httpContext.Request.Headers.AcceptLanguage);
        }

        return Task.FromResult(culture is null ? null : new ProviderCultureResult(Cultures.Info(culture).Name));
    }
}
