using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Media;
using VillageCraftPortal.Web.Media.Upload;

namespace VillageCraftPortal.Web.Backoffice.MediaLibrary;

/// <summary>The media library: a folder per village (and the site's, for administrators), and uploads of several files at once.</summary>
public sealed class IndexModel(AppDbContext db, BackofficeAccess access, ContentScopes scopes, MediaUploadService uploads, StagedUploads staging) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Folder { get; set; }

    public IReadOnlyList<string> Folders { get; private set; } = [];

    public IReadOnlyList<MediaItem> Items { get; private set; } = [];

    public IReadOnlyList<RefusedUpload> Refused { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Folder is null && Folders.Count > 0 ? RedirectToPage(new { folder = Folders[0] }) : Page();
    }

    /// <summary>Takes every file through the pipeline; the ones that pass go on to the alt-text step.</summary>
    public async Task<IActionResult> OnPostUploadAsync(List<IFormFile> files, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Folder is null || !Folders.Contains(Folder))
        {
            return NotFound();
        }

        var staged = new List<StagedUpload>();
        var refused = new List<RefusedUpload>();
        foreach (var file in files.Take(50))
        {
            await using var stream = file.OpenReadStream();
            var result = await uploads.StoreAsync(stream, cancellationToken);
            if (result.Master is { } master)
            {
                staged.Add(StagedUploads.From(file.FileName, master));
            }
            else
            {
                refused.Add(new RefusedUpload(Path.GetFileName(file.FileName), result.Error!.Value));
            }
        }

        if (staged.Count == 0)
        {
            Refused = refused.Count > 0 ? refused : [new RefusedUpload("—", UploadError.Empty)];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        TempData["Refused"] = System.Text.Json.JsonSerializer.Serialize(refused);
        return RedirectToPage("/Backoffice/MediaLibrary/Describe", new { t = staging.Protect(Folder, staged) });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var codes = await scopes.VillageCodesAsync(cancellationToken);
        Folders = [.. access.MediaFolders(codes.Append("site"))];
        if (Folder is not null && !Folders.Contains(Folder))
        {
            Folder = null;
        }

        Items = Folder is null ? [] : await db.MediaItems.AsNoTracking().Where(m => m.Folder == Folder).OrderBy(m => m.Alias).ThenBy(m => m.Id).ToListAsync(cancellationToken);
    }
}
