using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Storage;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Backoffice.Editing;

/// <summary>The content tree of what the user may see: administrators the whole site, an editor their villages.</summary>
public sealed class TreeModel(AppDbContext db, BackofficeAccess access, ContentScopes scopes) : PageModel
{
    public sealed record Node(int Id, string Name, string ContentType, bool Published, bool Draft, ReviewState Review, bool Visible, bool CanCreate, List<Node> Children);

    public IReadOnlyList<Node> Roots { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await scopes.AllAsync(cancellationToken);
        var visible = all.Values.Where(s => access.CanWorkOn(s.VillageCode)).Select(s => s.Id).ToHashSet();
        var rows = await db.Documents.AsNoTracking()
            .Join(db.DocumentVersions, d => new { DocumentId = d.Id, Number = d.LatestVersion }, v => new { v.DocumentId, v.Number },
                (d, v) => new { d.Id, d.ParentId, d.ContentType, d.SortOrder, d.PublishedVersion, d.LatestVersion, d.ReviewState, v.Values })
            .ToListAsync(cancellationToken);
        var culture = SiteCulture.Current;
        var nodes = rows.ToDictionary(r => r.Id, r =>
        {
            var values = ContentValues.Parse(r.Values);
            var village = all.GetValueOrDefault(r.Id)?.VillageCode;
            return (Row: r, Node: new Node(r.Id, values.GetString("name", culture) ?? values.GetString("name", Cultures.Default) ?? "—", r.ContentType,
                r.PublishedVersion is not null, r.PublishedVersion != r.LatestVersion, r.ReviewState, visible.Contains(r.Id),
                DocumentTypes.Get(r.ContentType).AllowedChildren.Any(c => access.CanCreateOrDelete(village, c)),
                []));
        });
        foreach (var (row, node) in nodes.Values.OrderBy(n => n.Row.SortOrder))
        {
            if (row.ParentId is { } parent && nodes.TryGetValue(parent, out var p))
            {
                p.Node.Children.Add(node);
            }
        }

        // Show the smallest subtrees that contain everything the user may see.
        Roots = [.. nodes.Values.Where(n => n.Node.Visible && (n.Row.ParentId is null || !visible.Contains(n.Row.ParentId.Value))).OrderBy(n => n.Row.SortOrder).Select(n => n.Node)];
    }
}
