using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Content.Html;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Content.Values;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Content.Published;

/// <summary>Reads every published version, media item and holiday from the database into a new snapshot.</summary>
public sealed class SnapshotBuilder(AppDbContext db, ContentHtml html, TimeProvider clock, ILogger<SnapshotBuilder> logger)
{
    public async Task<PublishedSnapshot> BuildAsync(CancellationToken cancellationToken)
    {
        // Read the cursor first: anything committed after it is picked up by the next build.
        var version = await db.ContentEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        var rows = await db.Documents.AsNoTracking()
            .Where(d => d.PublishedVersion != null)
            .Join(db.DocumentVersions, d => new { DocumentId = d.Id, Number = d.PublishedVersion!.Value }, v => new { v.DocumentId, v.Number },
                (d, v) => new PublishedNodeData(d.Id, d.Key, d.Alias, d.ContentType, d.ParentId, d.Level, d.SortOrder, d.UpdatedAt, d.PublishedAt ?? d.UpdatedAt, v.Values))
            .ToListAsync(cancellationToken);
        var media = await db.MediaItems.AsNoTracking().ToListAsync(cancellationToken);
        var holidays = await db.PublicHolidays.AsNoTracking().OrderBy(h => h.From).ToListAsync(cancellationToken);
        var redirects = await db.Redirects.AsNoTracking().ToDictionaryAsync(r => r.FromPath, r => new RedirectTarget(r.TargetDocumentKey, r.TargetCulture, r.TargetUrl), cancellationToken);

        return new PublishedSnapshot(
            version,
            clock.GetUtcNow().UtcDateTime,
            Link(Nodes(rows)),
            media.Select(m => new PublishedMedia(
                m.Key, m.Alias, m.FileHash, m.Format, m.Width, m.Height, m.FocalX, m.FocalY,
                ParseText(m.Alt), ParseText(m.Caption), m.Credit, m.Licence)),
            new HolidayCalendar([.. holidays.Select(h => new PublicHoliday(h.From, h.To, ParseText(h.Names)))]),
            rows)
        {
            Redirects = redirects,
        };
    }

    /// <summary>
    /// The live snapshot with one document shown as its draft: what the public would see if it were published now.
    /// Null when the draft could not be placed (its parent is not published).
    /// </summary>
    public async Task<PublishedSnapshot?> PreviewAsync(PublishedSnapshot live, int documentId, int versionNumber, CancellationToken cancellationToken)
    {
        var draft = await db.Documents.AsNoTracking()
            .Where(d => d.Id == documentId)
            .Join(db.DocumentVersions.Where(v => v.Number == versionNumber), d => d.Id, v => v.DocumentId,
                (d, v) => new PublishedNodeData(d.Id, d.Key, d.Alias, d.ContentType, d.ParentId, d.Level, d.SortOrder, d.UpdatedAt, v.CreatedAt, v.Values))
            .FirstOrDefaultAsync(cancellationToken);
        if (draft is null || (draft.ParentId is { } parent && live.ById(parent) is null))
        {
            return null;
        }

        var rows = live.Rows.Where(r => r.Id != documentId).Append(draft).ToList();
        return new PublishedSnapshot(live.Version, clock.GetUtcNow().UtcDateTime, Link(Nodes(rows)), live.AllMedia, live.Holidays, rows) { IsPreview = true };
    }

    private List<PublishedNode> Nodes(IEnumerable<PublishedNodeData> rows) =>
        [.. rows.Where(r => DocumentTypes.Find(r.ContentType) is not null).Select(r => new PublishedNode(r, ReadValues(r)))];

    internal static LocalizedText ParseText(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<LocalizedText>(json, ContentJson.Options) ?? [];

    /// <summary>Connects parents and children and computes URLs; a node whose parent is not published is left out.</summary>
    private static List<PublishedNode> Link(List<PublishedNode> nodes)
    {
        var byId = nodes.ToDictionary(n => n.Id);
        var linked = new List<PublishedNode>();
        var pending = nodes.Where(n => n.ParentId is null).ToList();
        var byParent = nodes.Where(n => n.ParentId is not null).ToLookup(n => n.ParentId!.Value);
        while (pending.Count > 0)
        {
            var next = new List<PublishedNode>();
            foreach (var node in pending)
            {
                var parent = node.ParentId is { } parentId ? byId[parentId] : null;
                node.Attach(parent, Cultures.All.ToDictionary(c => c, c => PathOf(node, parent, c)));
                linked.Add(node);
                next.AddRange(byParent[node.Id]);
            }

            pending = next;
        }

        foreach (var node in linked)
        {
            node.SortChildren();
        }

        return linked;
    }

    private static string PathOf(PublishedNode node, PublishedNode? parent, string culture)
    {
        if (parent is null)
        {
            return "/" + culture;
        }

        var slug = node.Text("slug", culture).Value;
        return parent.Url(culture) + "/" + slug;
    }

    private Dictionary<(string Alias, string Culture), object> ReadValues(PublishedNodeData row)
    {
        var type = DocumentTypes.Get(row.ContentType);
        var values = ContentValues.Parse(row.Values);
        var result = new Dictionary<(string, string), object>();
        foreach (var alias in values.Aliases)
        {
            if (type.Find(alias) is not { } property)
            {
                continue;
            }

            foreach (var (culture, node) in values.GetAll(alias))
            {
                if (Read(property, node, row) is { } value)
                {
                    result[(alias, culture)] = value;
                }
            }
        }

        return result;
    }

    private object? Read(PropertyType property, JsonNode node, PublishedNodeData row)
    {
        try
        {
            return property.Editor.Read(node) switch
            {
                string text when property.Editor == PropertyEditors.RichText => html.Sanitize(text),
                List<Block> blocks => blocks.Select(SanitizeBlock).ToList(),
                var value => value,
            };
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            // A value that no longer reads (e.g. written by an older version) must not take the site down.
            logger.LogWarning(ex, "Skipping unreadable value {Property} of document {DocumentId}", property.Alias, row.Id);
            return null;
        }
    }

    private Block SanitizeBlock(Block block) => block switch
    {
        RichTextBlock rich => rich with { Html = html.Sanitize(rich.Html) },
        QuoteBlock quote => quote with { Html = html.Sanitize(quote.Html) },
        ImageBlock image when image.Caption is not null => image with { Caption = html.Sanitize(image.Caption) },
        _ => block,
    };
}
