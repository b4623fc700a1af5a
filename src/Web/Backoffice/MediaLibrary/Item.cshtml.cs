using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Media;
using VillageCraftPortal.Web.Media.Upload;

namespace VillageCraftPortal.Web.Backoffice.MediaLibrary;

/// <summary>One image: its details, the pages that use it, replacing its file, deleting it when nothing uses it.</summary>
public sealed class ItemModel(MediaLibraryService library, MediaUploadService uploads) : PageModel
{
    public MediaItem Item { get; private set; } = null!;

    public LocalizedText Alt { get; private set; } = [];

    public LocalizedText Caption { get; private set; } = [];

    public IReadOnlyList<MediaReference> UsedBy { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid key, CancellationToken cancellationToken) =>
        await LoadAsync(key, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid key, CancellationToken cancellationToken)
    {
        var details = new MediaDetails(Texts("alt"), Texts("caption"), Field("credit"), Field("licence"), Percent("fx"), Percent("fy"));
        var status = await library.UpdateAsync(key, details, cancellationToken);
        if (status == MediaOperationStatus.NotFound)
        {
            return NotFound();
        }

        return await AfterAsync(key, status == MediaOperationStatus.Success ? null : "upload.alttextrequired", cancellationToken);
    }

    public async Task<IActionResult> OnPostReplaceAsync(Guid key, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(key, cancellationToken) is null)
        {
            return NotFound();
        }

        if (file is null)
        {
            return await AfterAsync(key, UploadErrors.MessageKey(UploadError.Empty), cancellationToken);
        }

        await using var stream = file.OpenReadStream();
        var stored = await uploads.StoreAsync(stream, cancellationToken);
        if (stored.Master is null)
        {
            return await AfterAsync(key, UploadErrors.MessageKey(stored.Error!.Value), cancellationToken);
        }

        await library.ReplaceAsync(key, stored.Master, cancellationToken);
        return await AfterAsync(key, null, cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid key, CancellationToken cancellationToken)
    {
        var folder = (await library.FindAsync(key, cancellationToken))?.Folder;
        var (status, _) = await library.DeleteAsync(key, cancellationToken);
        return status switch
        {
            MediaOperationStatus.NotFound => NotFound(),
            MediaOperationStatus.Success => RedirectToPage("/Backoffice/MediaLibrary/Index", new { folder }),
            _ => await AfterAsync(key, "bo.media.inUse", cancellationToken),
        };
    }

    private async Task<IActionResult> AfterAsync(Guid key, string? error, CancellationToken cancellationToken)
    {
        if (error is null)
        {
            return RedirectToPage(new { key });
        }

        Error = error;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await LoadAsync(key, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid key, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(key, cancellationToken) is not { } item)
        {
            return false;
        }

        Item = item;
        Alt = SnapshotBuilder.ParseText(item.Alt);
        Caption = SnapshotBuilder.ParseText(item.Caption);
        UsedBy = await library.ReferencesAsync(key, cancellationToken);
        return true;
    }

    private string? Field(string name) => Request.Form[name].ToString().Trim() is { Length: > 0 } value ? value : null;

    private LocalizedText Texts(string name)
    {
        var text = new LocalizedText();
        foreach (var culture in Cultures.All)
        {
            if (Field($"{name}.{culture}") is { } value)
            {
                text[culture] = value;
            }
        }

        return text;
    }

    private double Percent(string name) =>
        double.TryParse(Field(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? Math.Clamp(value, 0, 100) / 100 : 0.5;
}
