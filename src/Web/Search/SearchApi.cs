using VillageCraftPortal.Web.Content;

namespace VillageCraftPortal.Web.Search;

/// <summary>
/// GET /api/search/suggest?q=…&amp;culture=…: autocomplete for the header's search box. GET /api/search?q=…: the
/// search page's results as JSON. Bad input answers 400 with ProblemDetails.
/// </summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var search = app.MapGroup("/api/search");
        search.MapGet("/suggest", Suggest);
        search.MapGet("/", Search);
        return app;
    }

    private static IResult Suggest(HttpContext context, SearchService service)
    {
        var culture = context.Request.Query["culture"].FirstOrDefault() ?? Cultures.Default;
        if (!Cultures.All.Contains(culture))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown culture", detail: $"culture must be one of: {string.Join(", ", Cultures.All)}.");
        }

        var q = context.Request.Query["q"].FirstOrDefault() ?? string.Empty;
        if (q.Length > SearchInput.MaxSuggestLength)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Query too long", detail: $"q may have at most {SearchInput.MaxSuggestLength} characters.");
        }

        context.Response.Headers.CacheControl = "public, max-age=60";
        return Results.Ok(new { query = q, suggestions = service.Suggest(SearchInput.Clean(q), culture) });
    }

    private static IResult Search(HttpContext context, SearchService service)
    {
        var culture = context.Request.Query["culture"].FirstOrDefault() ?? Cultures.Default;
        if (!Cultures.All.Contains(culture))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown culture", detail: $"culture must be one of: {string.Join(", ", Cultures.All)}.");
        }

        var (request, problem) = SearchInput.Parse(context.Request.Query, culture);
        if (problem is not null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Query too long", detail: $"q may have at most {SearchInput.MaxLength} characters.");
        }

        var result = service.Search(request);
        return Results.Ok(new
        {
            query = request.Text,
            total = result.Total,
            page = request.Page,
            hits = result.Hits.Select(h => new { h.Key, type = SearchDocument.TypeName(h.Type), h.Name, h.Url, snippet = h.SnippetHtml, h.Village, h.Category, h.Stars, h.Price, h.InStock }),
            facets = result.Facets,
            didYouMean = result.DidYouMean,
            popular = result.Popular,
            timedOut = result.TimedOut,
        });
    }
}
