using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Backoffice.Products;

/// <summary>An image a product may show: its key as products store it, and what the picker shows of it.</summary>
public sealed record ImageChoice(string Key, string Label, string Alt, string FileHash, string Format);

/// <summary>
/// The product images a user may pick: media of the product's village folder (and the site's, for whoever may use
/// it), plus what the product already shows. Products refer to media by alias, as the seed content does; an upload
/// that has no alias is referred to by its key.
/// </summary>
public sealed class ProductImages(AppDbContext db, ProductAccess access)
{
    public static string KeyOf(string? alias, Guid key) => alias ?? key.ToString();

    public async Task<IReadOnlyList<ImageChoice>> ChoicesAsync(string? village, IReadOnlyCollection<string> chosen, string culture, CancellationToken cancellationToken)
    {
        var folders = village is null ? [] : new[] { village, "site" }.Where(f => access.CanUseMediaFor(village, f)).ToList();
        var guids = chosen.Select(k => Guid.TryParse(k, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
        var rows = await db.MediaItems.AsNoTracking()
            .Where(m => folders.Contains(m.Folder) || (m.Alias != null && chosen.Contains(m.Alias)) || guids.Contains(m.Key))
            .OrderBy(m => m.Folder).ThenBy(m => m.Alias).ThenBy(m => m.Id)
            .Select(m => new { m.Alias, m.Key, m.Folder, m.Alt, m.FileHash, m.Format })
            .ToListAsync(cancellationToken);
        var choices = rows.Select(m => new ImageChoice(KeyOf(m.Alias, m.Key), $"{m.Folder} / {m.Alias ?? m.Key.ToString()[..8]}", SnapshotBuilder.ParseText(m.Alt).For(culture).Value, m.FileHash, m.Format)).ToList();

        // The product's own order first (its first image is the main one), then the rest of the library.
        return [.. chosen.Select(k => choices.FirstOrDefault(c => c.Key == k)).OfType<ImageChoice>(), .. choices.Where(c => !chosen.Contains(c.Key))];
    }

    /// <summary>Whether every picked key is a medium the user may use here, or one the product already had.</summary>
    public async Task<bool> AreAllowedAsync(string village, IReadOnlyCollection<string> picked, IReadOnlyCollection<string> existing, CancellationToken cancellationToken)
    {
        var added = picked.Where(k => !existing.Contains(k)).Distinct(StringComparer.Ordinal).ToList();
        if (added.Count == 0)
        {
            return true;
        }

        var guids = added.Select(k => Guid.TryParse(k, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
        var found = await db.MediaItems.AsNoTracking()
            .Where(m => (m.Alias != null && added.Contains(m.Alias)) || guids.Contains(m.Key))
            .Select(m => new { m.Alias, m.Key, m.Folder })
            .ToListAsync(cancellationToken);
        return added.All(k => found.Any(m => (m.Alias == k || (m.Alias is null && m.Key.ToString() == k)) && access.CanUseMediaFor(village, m.Folder)));
    }
}
