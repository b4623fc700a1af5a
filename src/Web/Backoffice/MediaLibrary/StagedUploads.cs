using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using VillageCraftPortal.Web.Media;
using VillageCraftPortal.Web.Media.Upload;

namespace VillageCraftPortal.Web.Backoffice.MediaLibrary;

/// <summary>A file that passed the pipeline and waits for its alt text before it becomes a media item.</summary>
public sealed record StagedUpload(string FileName, string Hash, string Format, int Width, int Height);

/// <summary>A refused file, with the reason (a key of the interface texts).</summary>
public sealed record RefusedUpload(string FileName, UploadError Error);

/// <summary>
/// The first step of an upload: files are checked and stored, then listed in a protected ticket that the second
/// step (writing alt text) carries, so nobody can attach masters they did not upload to a folder they do not own.
/// </summary>
public sealed class StagedUploads(IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("VillageCraftPortal.MediaStaging.v1").ToTimeLimitedDataProtector();

    public string Protect(string folder, IReadOnlyList<StagedUpload> uploads) =>
        _protector.Protect(JsonSerializer.Serialize(new Ticket(folder, uploads)), clock.GetUtcNow().AddHours(12));

    public (string Folder, IReadOnlyList<StagedUpload> Uploads)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var ticket = JsonSerializer.Deserialize<Ticket>(_protector.Unprotect(token, out var expires));
            return ticket is null || expires < clock.GetUtcNow() ? null : (ticket.Folder, ticket.Uploads);
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    public static StagedUpload From(string fileName, MasterImage master) =>
        new(Path.GetFileName(fileName), master.Hash, master.Format, master.Width, master.Height);

    public static string Percent(double value) => Math.Round(value * 100).ToString(CultureInfo.InvariantCulture);

    private sealed record Ticket(string Folder, IReadOnlyList<StagedUpload> Uploads);
}
