using Microsoft.AspNetCore.Mvc;

namespace VillageCraftPortal.Web.Shared;

/// <summary>303 See Other: after a form post, the browser fetches the next page with GET, so a reload never re-posts.</summary>
public sealed class SeeOtherResult(string location) : IActionResult
{
    public string Location { get; } = location;

    public Task ExecuteResultAsync(ActionContext context)
    {
        context.HttpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.HttpContext.Response.Headers.Location = Location;
        return Task.CompletedTask;
    }
}
