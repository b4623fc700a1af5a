using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Backoffice.Audit;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Media;
using VillageCraftPortal.Web.Media.Upload;

using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Backoffice.MediaLibrary;

/// <summary>The second step of an upload: alt text (required in Vietnamese), caption, credit, licence and focal point.</summary>
public sealed class DescribeModel(StagedUploads staging, MediaUploadService uploads, BackofficeAccess access, AuditLog audit, UiTexts texts) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")]
    public string? Ticket { get; set; }

    public string Folder { get; private set; } = string.Empty;

    public IReadOnlyList<StagedUpload> Uploads { get; private set; } = [];

    public IReadOnlyList<RefusedUpload> Refused { get; private set; } = [];

    public HashSet<int> MissingAlt { get; } = [];

    public IActionResult OnGet()
    {
        if (!Load())
        {
            return NotFound();
        }

        Refused = TempData["Refused"] is string json ? System.Text.Json.JsonSerializer.Deserialize<List<RefusedUpload>>(json) ?? [] : [];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Load())
        {
            return NotFound();
        }

        for (var i = 0; i < Uploads.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Request.Form[$"u{i}.alt.vi"]))
            {
                MissingAlt.Add(i);
            }
        }

        if (MissingAlt.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        for (var i = 0; i < Uploads.Count; i++)
        {
            var staged = Uploads[i];
            var master = new MasterImage(staged.Hash, staged.Format, staged.Width, staged.Height, staged.Format == ImageInspector.Png);
            await uploads.SaveItemAsync(new MediaUpload(Stream.Null, Folder, Text(i, "alt"))
            {
                Caption = Text(i, "caption"),
                Credit = Field(i, "credit"),
                Licence = Field(i, "licence"),
                FocalX = Percent(i, "fx"),
                FocalY = Percent(i, "fy"),
            }, master, access.UserName, cancellationToken);
            audit.Add(AuditActions.MediaUpload, access.UserName, "media", staged.Hash[..16], $"{Folder}/{staged.FileName}");
        }

        await uploads.SaveAuditAsync(cancellationToken);
        TempData["Message"] = texts.Get(SiteCulture.Current, "bo.media.uploaded", Uploads.Count);
        return RedirectToPage("/Backoffice/MediaLibrary/Index", new { folder = Folder });
    }

    private bool Load()
    {
        if (staging.Read(Ticket) is not { } ticket || !access.CanUseMediaFolder(ticket.Folder))
        {
            return false;
        }

        (Folder, Uploads) = (ticket.Folder, ticket.Uploads);
        return true;
    }

    /// <summary>What was typed, when the form comes back with an error (nothing typed is lost).</summary>
    public string Posted(string name, string fallback = "") =>
        Request.HasFormContentType && Request.Form.ContainsKey(name) ? Request.Form[name].ToString() : fallback;

    private string? Field(int i, string name) => Request.Form[$"u{i}.{name}"].ToString().Trim() is { Length: > 0 } value ? value : null;

    private LocalizedText Text(int i, string name)
    {
        var text = new LocalizedText();
        foreach (var culture in Cultures.All)
        {
            if (Field(i, $"{name}.{culture}") is { } value)
            {
                text[culture] = value;
            }
        }

        return text;
    }

    private double Percent(int i, string name) =>
        double.TryParse(Field(i, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? Math.Clamp(value, 0, 100) / 100 : 0.5;
}
