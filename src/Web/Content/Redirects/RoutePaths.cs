using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Content.Storage;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Content.Redirects;

/// <summary>The published path of every document in every culture, worked out from the stored routes.</summary>
internal static class RoutePaths
{
    public static async Task<Dictionary<(int Id, string Culture), string>> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var routes = await db.DocumentRoutes.AsNoTracking().Select(r => new { r.DocumentId, r.ParentId, r.Culture, r.Slug }).ToListAsync(cancellationToken);
        var byDocument = routes.ToDictionary(r => (r.DocumentId, r.Culture));
        var paths = new Dictionary<(int, string), string>();
        string? PathOf(int id, string culture, int depth)
        {
            if (paths.TryGetValue((id, culture), out var known))
            {
                return known;
            }

            if (depth > 64 || !byDocument.TryGetValue((id, culture), out var route))
            {
                return null;
            }

            var path = route.ParentId == DocumentRoute.RootParent
                ? "/" + culture
                : PathOf(route.ParentId, culture, depth + 1) is { } parent ? $"{parent}/{route.Slug}" : null;
            if (path is not null)
            {
                paths[(id, culture)] = path;
            }

            return path;
        }

        foreach (var route in routes)
        {
            PathOf(route.DocumentId, route.Culture, 0);
        }

        return paths;
    }
}

/// <summary>
/// Keeps old addresses working: when a publish changes a document's path (its slug, or an ancestor's), every old
/// path of it and its descendants gets a permanent redirect to the document, per culture.
/// </summary>
public static class RedirectRecorder
{
    public static Task<Dictionary<(int Id, string Culture), string>> SnapshotAsync(AppDbContext db, CancellationToken cancellationToken) =>
        RoutePaths.LoadAsync(db, cancellationToken);

    public static async Task RecordAsync(AppDbContext db, Dictionary<(int Id, string Culture), string> before, string actor, DateTime now, CancellationToken cancellationToken)
    {
        var after = await RoutePaths.LoadAsync(db, cancellationToken);
        var moved = before.Where(b => after.TryGetValue(b.Key, out var path) && path != b.Value).ToList();
        var live = after.Values.ToHashSet(StringComparer.Ordinal);
        if (moved.Count == 0 && !await db.Redirects.AnyAsync(r => live.Contains(r.FromPath), cancellationToken))
        {
            return;
        }

        var keys = await db.Documents.AsNoTracking().Where(d => moved.Select(m => m.Key.Id).Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Key, cancellationToken);
        var fromPaths = moved.Select(m => m.Value).ToList();
        var existing = await db.Redirects.Where(r => fromPaths.Contains(r.FromPath) || live.Contains(r.FromPath)).ToListAsync(cancellationToken);
        foreach (var ((id, culture), oldPath) in moved)
        {
            var rule = existing.FirstOrDefault(r => r.FromPath == oldPath);
            if (rule is null)
            {
                db.Redirects.Add(new RedirectRule { FromPath = oldPath, TargetDocumentKey = keys[id], TargetCulture = culture, CreatedAt = now, CreatedBy = actor });
            }
            else if (!rule.IsManual)
            {
                (rule.TargetDocumentKey, rule.TargetCulture, rule.TargetUrl) = (keys[id], culture, null);
            }
        }

        // A page that lives at a path again takes precedence: its old redirect goes.
        db.Redirects.RemoveRange(existing.Where(r => !r.IsManual && live.Contains(r.FromPath)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
