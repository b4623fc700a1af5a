using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Content.Storage;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Content.Editing;

/// <summary>Slugs must be unique among siblings in each culture, counting both their drafts and published routes.</summary>
internal static class SiblingSlugs
{
    public static async Task<IReadOnlyList<ValidationProblem>> FindConflictsAsync(
        AppDbContext db, int? parentId, int? documentId, ContentValues values, CancellationToken cancellationToken)
    {
        var siblingDrafts = await db.Documents.AsNoTracking()
            .Where(d => d.ParentId == parentId && d.Id != documentId)
            .Join(db.DocumentVersions, d => new { DocumentId = d.Id, Number = d.LatestVersion }, v => new { v.DocumentId, v.Number }, (d, v) => v.Values)
            .ToListAsync(cancellationToken);
        var routeParent = parentId ?? DocumentRoute.RootParent;
        var siblingRoutes = await db.DocumentRoutes.AsNoTracking()
            .Where(r => r.ParentId == routeParent && r.DocumentId != documentId)
            .Select(r => new { r.Culture, r.Slug })
            .ToListAsync(cancellationToken);

        var problems = new List<ValidationProblem>();
        foreach (var culture in Cultures.All)
        {
            var slug = values.GetString("slug", culture);
            if (slug is null)
            {
                continue;
            }

            var taken = siblingRoutes.Any(r => r.Culture == culture && r.Slug == slug)
                || siblingDrafts.Any(json => ContentValues.Parse(json).GetString("slug", culture) == slug);
            if (taken)
            {
                problems.Add(new ValidationProblem("slug", culture, "validation.slugTaken", slug));
            }
        }

        return problems;
    }
}
