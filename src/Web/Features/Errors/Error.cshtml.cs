using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Infrastructure;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Features.Errors;

/// <summary>
/// The friendly error page, in the culture of the page that failed (404, 500, and any other status), never cached.
/// API paths get ProblemDetails instead.
/// </summary>
[IgnoreAntiforgeryToken]
[OutputCache(NoStore = true)]
public sealed class ErrorModel(IOptions<SiteOptions> site, VillageCraftPortal.Web.Content.Published.PublishedSnapshotAccessor snapshots) : PageModel
{
    public string VillagesUrl { get; private set; } = "/";

    public int Code { get; private set; }

    public string Culture { get; private set; } = Cultures.Default;

    /// <summary>After too many attempts (429): the page to try again from, once the wait is over.</summary>
    public string? RetryUrl { get; private set; }

    public IActionResult OnGet(int code) => Render(code);

    public IActionResult OnPost(int code) => Render(code);

    private IActionResult Render(int code)
    {
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        var reExecuted = originalPath is not null;
        Code = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        if (!reExecuted)
        {
            // Someone opened /error/… directly: it is not a page of its own.
            Code = StatusCodes.Status404NotFound;
        }

        Response.StatusCode = Code;
        if (originalPath?.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) == true)
        {
            return new ObjectResult(new ProblemDetails { Status = Code, Title = ReasonPhrase(Code) }) { StatusCode = Code };
        }

        // The request culture was set from the failed request's path (see PathCultureProvider).
        Culture = SiteCulture.Current;
        RetryUrl = Code == StatusCodes.Status429TooManyRequests && originalPath is ['/', not '/' and not '\\', ..] ? originalPath : null;
        VillagesUrl = snapshots.Current.OfType(VillageCraftPortal.Web.Content.Types.DocumentTypes.VillageIndex).FirstOrDefault()?.Url(Culture) ?? "/" + Culture;
        var texts = HttpContext.RequestServices.GetRequiredService<UiTexts>();
        ViewData.SetMeta(new PageMeta
        {
            Title = $"{texts.Get(Culture, Code switch { 404 => "error.404.title", 429 => "error.429.title", _ => "error.500.title" })} · {texts.Get(Culture, "site.name")}",
            Culture = Culture,
            NoIndex = true,
            Alternates = [.. Cultures.All.Select(c => new AlternateLink(c, "/" + c, site.Value.Absolute("/" + c)))],
        });
        return Page();
    }

    private static string ReasonPhrase(int code) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(code);
}
