using System.Text;

namespace VillageCraftPortal.Site.Tests.Builders;

/// <summary>
/// Writes a small umbraco-content folder for a test: a home, a villages index, villages and their images.
/// Each test gets its own folder and changes only what it is about.
/// </summary>
public sealed class SeedFolderBuilder : IDisposable
{
    public SeedFolderBuilder()
    {
        Root = Path.Combine(Path.GetTempPath(), "vcp-seed-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>A minimal valid site: home, villages index and one village with a hero image.</summary>
    public static SeedFolderBuilder MinimalSite()
    {
        var builder = new SeedFolderBuilder();
        builder.File("site/home.md", """
            ---
            type: home
            key: home
            slug: home
            name: { vi: Trang chủ, en: Home }
            tagline: { vi: Mười làng nghề, en: Ten craft villages }
            ---
            <!-- culture: vi -->
            Xin chào.

            <!-- culture: en -->
            Hello.
            """);
        builder.File("site/villages.md", """
            ---
            type: villageIndex
            key: villages
            parent: home
            sort: 1
            slug: { vi: lang-nghe, en: villages }
            name: { vi: Làng nghề, en: Villages }
            ---
            """);
        builder.Village("bat-trang", "Làng gốm Bát Tràng", "Bát Tràng pottery village", sort: 1);
        return builder;
    }

    public SeedFolderBuilder Village(string slug, string nameVi, string? nameEn, int sort)
    {
        var en = nameEn is null ? string.Empty : $", en: {nameEn}";
        Image($"{slug}/media/{slug}-hero.jpg", "Minh hoạ", "Illustration");
        return File($"{slug}/village.md", $$"""
            ---
            type: village
            key: village-{{slug}}
            parent: villages
            sort: {{sort}}
            slug: {{slug}}
            name: { vi: {{nameVi}}{{en}} }
            crafts: [ceramics]
            location: { lat: 20.983, lng: 105.917, approximate: true }
            heroImage: {{slug}}-hero
            sources:
              - title: Wikipedia
                url: https://vi.wikipedia.org/wiki/Bát_Tràng
            ---
            <!-- culture: vi -->
            Câu chuyện của làng.

            <!-- block: facts -->
            - Nghề: gốm

            <!-- culture: en -->
            The village's story.
            """);
    }

    /// <summary>
    /// A valid product in a village's products/ folder, one value per line so tests can point at lines: key (line 2),
    /// category (3), name (4), images (6), variants (8), its sku (9), price (10), stock (11); <paramref name="extra"/>
    /// lines go after the sources, from line 15. <paramref name="variants"/> replaces the list's items.
    /// </summary>
    public SeedFolderBuilder Product(
        string village, string key, string sku = "BT-VASE-01", string price = "450000", string stock = "10",
        string category = "ceramics", string name = "{ vi: Bình gốm men lam, en: Blue-and-white vase }",
        string? images = null, string? extra = null, string? variants = null) =>
        File($"{village}/products/{key}.md", $"""
            ---
            key: {key}
            category: {category}
            name: {name}
            weightGrams: 900
            images: {images ?? $"[{village}-hero]"}
            illustrative: true
            variants:
            {variants ?? $"  - sku: {sku}\n    price: {price}\n    stock: {stock}"}
            sources:
              - title: Làng gốm Bát Tràng
                url: https://vi.wikipedia.org/wiki/Bát_Tràng
            {extra}
            ---
            """);

    public SeedFolderBuilder File(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text.ReplaceLineEndings("\n"), Encoding.UTF8);
        return this;
    }

    /// <summary>A real (tiny) JPEG made with libvips, and its sidecar.</summary>
    public SeedFolderBuilder Image(string relativePath, string altVi, string altEn)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var shade = Math.Abs(relativePath.GetHashCode(StringComparison.Ordinal)) % 255;
        using (var image = (NetVips.Image.Black(64, 40, bands: 3) + shade).Cast(NetVips.Enums.BandFormat.Uchar))
        {
            image.Jpegsave(path, q: 80);
        }

        return File(Path.ChangeExtension(relativePath, ".yml"), $"alt: {{ vi: {altVi}, en: {altEn} }}\ncredit: test\nlicence: CC0\n");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Temporary folder; nothing depends on its removal.
        }
    }
}
