using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Web.Content.Types;

namespace VillageCraftPortal.Web.Content.Import;

/// <summary>
/// A product read from &lt;village&gt;/products/&lt;file&gt;.md: the catalogue entry with its variants and sources, as it
/// is to be written. Each variant's <see cref="ProductVariant.Available"/> holds its opening stock.
/// </summary>
public sealed record SeedProduct(string File, Product Product);

/// <summary>Reads every product file, checking each one's fields and images, and that keys and SKUs are unique.</summary>
internal static class SeedProductReader
{
    public const string Folder = "products";
    private const string VillagePrefix = "village-";
    private const string SiteFolder = "site";

    /// <summary>
    /// Product files are in a village's folder, &lt;village&gt;/products/ (the folder names the village). site/ holds
    /// pages only, so a page whose English path starts with "products" stays a page.
    /// </summary>
    public static bool IsProductFile(string relative)
    {
        var parts = relative.Split('/');
        return parts.Length >= 3 && parts[1] == Folder && parts[0] != SiteFolder;
    }

    /// <summary>The village codes the documents define: a village "village-bat-trang" has the code "bat-trang".</summary>
    public static HashSet<string> VillageCodes(IEnumerable<SeedDocument> documents) =>
        documents.Where(d => d.Type.Alias == DocumentTypes.Village && d.Alias.StartsWith(VillagePrefix, StringComparison.Ordinal))
            .Select(d => d.Alias[VillagePrefix.Length..])
            .ToHashSet(StringComparer.Ordinal);

    public static async Task<List<SeedProduct>> ReadAsync(
        string root, IReadOnlySet<string> villages, IReadOnlySet<string> media, List<ImportError> errors, CancellationToken cancellationToken)
    {
        var products = new List<SeedProduct>();
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var skus = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = SeedMediaReader.Relative(root, path);
            if (!IsProductFile(relative))
            {
                continue;
            }

            try
            {
                var village = relative.Split('/')[0];
                if (relative.Count(c => c == '/') != 2)
                {
                    throw new ImportException(new ImportError(relative, 0, $"a product file goes directly in {village}/{Folder}/, not in a folder below it"));
                }

                if (!villages.Contains(village))
                {
                    throw new ImportException(new ImportError(relative, 0, $"products belong in a village's folder, and no village has the key '{VillagePrefix}{village}'"));
                }

                var file = DocumentFile.Parse(relative, await File.ReadAllTextAsync(path, cancellationToken));
                products.Add(new SeedProduct(relative, new ProductFrontMatter(file, media, keys, skus).Read(village)));
            }
            catch (ImportException ex)
            {
                errors.Add(ex.Error);
            }
        }

        return products;
    }
}
