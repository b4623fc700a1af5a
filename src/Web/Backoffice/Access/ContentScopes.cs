using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Backoffice.Access;

/// <summary>A document's place in the tree as far as access goes: which village it belongs to.</summary>
public sealed record DocumentScope(int Id, int? ParentId, string ContentType, string? Alias, string? VillageCode);

/// <summary>
/// Works out, for every document, the village it belongs to (the village itself and everything under it), from one
/// small query of the tree. Site-wide pages belong to no village.
/// </summary>
public sealed class ContentScopes(AppDbContext db)
{
    public const string VillageAliasPrefix = DocumentTypes.VillageAliasPrefix;

    private Dictionary<int, DocumentScope>? _scopes;

    public static string? VillageCodeOf(string? alias) =>
        alias is not null && alias.StartsWith(VillageAliasPrefix, StringComparison.Ordinal) ? alias[VillageAliasPrefix.Length..] : null;

    public async Task<IReadOnlyDictionary<int, DocumentScope>> AllAsync(CancellationToken cancellationToken = default)
    {
        if (_scopes is not null)
        {
            return _scopes;
        }

        var rows = await db.Documents.AsNoTracking()
            .Select(d => new { d.Id, d.ParentId, d.ContentType, d.Alias })
            .ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(r => r.Id);
        string? VillageOf(int id)
        {
            for (int? current = id; current is { } c && byId.TryGetValue(c, out var row); current = row.ParentId)
            {
                if (row.ContentType == DocumentTypes.Village)
                {
                    return VillageCodeOf(row.Alias) ?? $"id-{row.Id}";
                }
            }

            return null;
        }

        _scopes = rows.ToDictionary(r => r.Id, r => new DocumentScope(r.Id, r.ParentId, r.ContentType, r.Alias, VillageOf(r.Id)));
        return _scopes;
    }

    public async Task<DocumentScope?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        (await AllAsync(cancellationToken)).GetValueOrDefault(id);

    /// <summary>The villages that exist, by code, for scoping users and media folders.</summary>
    public async Task<IReadOnlyList<string>> VillageCodesAsync(CancellationToken cancellationToken = default) =>
        [.. (await AllAsync(cancellationToken)).Values.Where(s => s.ContentType == DocumentTypes.Village).Select(s => s.VillageCode!).Order(StringComparer.Ordinal)];
}
