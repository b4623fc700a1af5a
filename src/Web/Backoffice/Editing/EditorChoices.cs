using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Backoffice.Editing;

/// <summary>An option of a picker: a media item or a document (<see cref="Detail"/> is then its document type).</summary>
public sealed record Choice(Guid Key, string Label, string? Detail);

/// <summary>
/// What the pickers of an edit form offer: media from the folders the user may use, and the places (villages,
/// centres, experiences) a document list can point at; a list property's choices name the types it takes.
/// </summary>
public sealed record EditorChoices(IReadOnlyList<Choice> Media, IReadOnlyList<Choice> Documents)
{
    public static readonly EditorChoices None = new([], []);

    public string Label(Guid key) =>
        Media.Concat(Documents).FirstOrDefault(c => c.Key == key)?.Label ?? key.ToString()[..8];

    public IEnumerable<Choice> DocumentsOf(IReadOnlyList<string>? types) =>
        Documents.Where(d => types is null || types.Contains(d.Detail ?? string.Empty));
}

public sealed class EditorChoiceLoader(AppDbContext db, BackofficeAccess access)
{
    /// <summary>Media of the document's village folder (and the site's, for administrators), plus anything already chosen.</summary>
    public async Task<EditorChoices> LoadAsync(string? village, ContentValues values, string culture, CancellationToken cancellationToken)
    {
        var chosen = values.ToJson();
        var media = await db.MediaItems.AsNoTracking()
            .Select(m => new { m.Key, m.Alias, m.Folder, m.Alt, m.Width, m.Height })
            .ToListAsync(cancellationToken);
        var mediaChoices = media
            .Where(m => m.Folder == village || access.CanUseMediaFolder(m.Folder) || chosen.Contains(m.Key.ToString(), StringComparison.Ordinal))
            .OrderBy(m => m.Folder, StringComparer.Ordinal).ThenBy(m => m.Alias, StringComparer.Ordinal)
            .Select(m => new Choice(m.Key, $"{m.Folder} / {m.Alias ?? m.Key.ToString()[..8]}",
                $"{Content.Published.SnapshotBuilder.ParseText(m.Alt).For(culture).Value} ({m.Width}×{m.Height})"))
            .ToList();
        var places = await db.Documents.AsNoTracking()
            .Where(d => DocumentTypes.Places.Contains(d.ContentType))
            .Join(db.DocumentVersions, d => new { DocumentId = d.Id, Number = d.LatestVersion }, v => new { v.DocumentId, v.Number }, (d, v) => new { d.Key, d.ContentType, v.Values })
            .ToListAsync(cancellationToken);
        return new EditorChoices(mediaChoices, [.. places
            .Select(e => new Choice(e.Key, ContentValues.Parse(e.Values).GetString("name", culture) ?? ContentValues.Parse(e.Values).GetString("name", Cultures.Default) ?? "—", e.ContentType))
            .OrderBy(c => c.Label, StringComparer.CurrentCulture)]);
    }
}
