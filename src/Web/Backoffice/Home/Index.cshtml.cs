using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Storage;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Backoffice.Home;

/// <summary>What needs attention: drafts waiting for review, changes sent back, and the user's recent work.</summary>
public sealed class IndexModel(AppDbContext db, BackofficeAccess access, ContentScopes scopes) : PageModel
{
    public sealed record Item(int Id, string Name, string ContentType, DateTime UpdatedAt, string UpdatedBy, ReviewState Review, string? Comment);

    public IReadOnlyList<Item> InReview { get; private set; } = [];

    public IReadOnlyList<Item> ChangesRequested { get; private set; } = [];

    public IReadOnlyList<Item> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await scopes.AllAsync(cancellationToken);
        var visible = all.Values.Where(s => access.CanWorkOn(s.VillageCode)).Select(s => s.Id).ToList();
        var rows = await db.Documents.AsNoTracking()
            .Where(d => visible.Contains(d.Id))
            .OrderByDescending(d => d.UpdatedAt)
            .Join(db.DocumentVersions, d => new { DocumentId = d.Id, Number = d.LatestVersion }, v => new { v.DocumentId, v.Number },
                (d, v) => new { d.Id, d.ContentType, d.UpdatedAt, d.UpdatedBy, d.ReviewState, d.ReviewComment, v.Values })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new Item(r.Id, ContentValues.Parse(r.Values).GetString("name", SiteCulture.Current) ?? ContentValues.Parse(r.Values).GetString("name", Cultures.Default) ?? "—",
            r.ContentType, r.UpdatedAt, r.UpdatedBy, r.ReviewState, r.ReviewComment)).ToList();
        InReview = [.. items.Where(i => i.Review == ReviewState.InReview)];
        ChangesRequested = [.. items.Where(i => i.Review == ReviewState.ChangesRequested)];
        Recent = [.. items.Take(10)];
    }
}
