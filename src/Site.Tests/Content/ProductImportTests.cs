using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Stock;
using VillageCraftPortal.Site.Tests.Builders;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Content.Import;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Site.Tests.Content;

/// <summary>
/// Products in the content import, on each database: written with their opening stock in the ledger, refused with
/// file and line (and nothing written) when a file is wrong, and re-imported without touching the shop's stock.
/// </summary>
public abstract class ProductImportTests(DatabaseKind kind) : IAsyncLifetime
{
    private ServiceHarness _services = null!;

    public async Task InitializeAsync() => _services = await ServiceHarness.CreateAsync(kind);

    public async Task DisposeAsync() => await _services.DisposeAsync();

    /// <summary>A bad product file: what it breaks, the line that says so, and a word of the reason.</summary>
    public static TheoryData<string, int, string> BadProducts() => new()
    {
        { "category: furniture", 3, "unknown category 'furniture'" },
        { "price: 0", 10, "more than 0" },
        { "price: -5000", 10, "without separators" },
        { "price: 450.000", 10, "350000, not 350.000" },
        { "price: 449999.5", 10, "whole number of đồng" },
        { "stars: 6", 15, "3, 4 or 5" },
        { "stars: 2", 15, "3, 4 or 5" },
        { "images: [bat-trang-hero, nowhere]", 6, "no media item 'nowhere'" },
        { "name: { vi: Bình gốm }", 4, "English (en)" },
        { "name: { en: Vase }", 4, "Vietnamese (vi)" },
        { "ocop without unverified", 15, "unverified" },
        { "certificate on an illustrative product", 15, "cannot cite a certificate" },
        { "colour: red", 15, "'colour' is not a product field" },
    };

    [Theory]
    [MemberData(nameof(BadProducts))]
    public async Task A_bad_product_file_is_refused_with_its_file_and_line_and_nothing_is_written(string fault, int line, string reason)
    {
        using var folder = SeedFolderBuilder.MinimalSite();
        folder.Product("bat-trang", "bat-trang-teapot", sku: "BT-TEAPOT-01");
        WriteFaulty(folder, fault);

        var result = await ImportAsync(folder);

        Assert.Equal(ImportStatus.Failed, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("bat-trang/products/bat-trang-vase.md", line), (error.File, error.Line));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), await CountAsync());
    }

    [Fact]
    public async Task A_SKU_used_twice_is_refused_where_it_is_used_the_second_time()
    {
        using var folder = SeedFolderBuilder.MinimalSite();
        folder.Product("bat-trang", "bat-trang-teapot", sku: "BT-SAME-01");
        folder.Product("bat-trang", "bat-trang-vase", sku: "BT-SAME-01");

        var result = await ImportAsync(folder);

        var error = Assert.Single(result.Errors);
        Assert.Equal(new ImportError("bat-trang/products/bat-trang-vase.md", 9, "duplicate SKU 'BT-SAME-01': it is also used by bat-trang/products/bat-trang-teapot.md"), error);
        Assert.Equal((0, 0, 0, 0), await CountAsync());
    }

    [Fact]
    public async Task Products_outside_a_villages_folder_are_refused()
    {
        using var folder = SeedFolderBuilder.MinimalSite();
        folder.Product("nowhere", "nowhere-vase", images: "[bat-trang-hero]");

        var error = Assert.Single((await ImportAsync(folder)).Errors);

        Assert.Equal("nowhere/products/nowhere-vase.md", error.File);
        Assert.Contains("no village has the key 'village-nowhere'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_writes_products_variants_and_opening_stock_to_the_ledger()
    {
        using var folder = SeedFolderBuilder.MinimalSite();
        folder.Product("bat-trang", "bat-trang-vase", sku: "BT-VASE-01", stock: "12", extra: """
            ocop: { stars: 4, certificate: null }
            unverified: [ocop]
            """);
        folder.Product("bat-trang", "bat-trang-empty", sku: "BT-EMPTY-01", stock: "0");

        var result = await ImportAsync(folder);

        Assert.Equal((ImportStatus.Imported, 2, 0), (result.Status, result.ProductsCreated, result.ProductsUpdated));
        var vase = await ProductAsync("bat-trang-vase");
        Assert.Equal(("bat-trang", "Bình gốm men lam", "Blue-and-white vase", true), (vase.VillageCode, vase.NameVi, vase.NameEn, vase.Illustrative));
        Assert.Equal(["bat-trang-hero"], vase.ImageKeys);
        Assert.Equal("Làng gốm Bát Tràng", Assert.Single(vase.Sources).Title);
        // Stars without a certificate are kept, but make no certificate the shop could show as a standing.
        Assert.Equal((4, null), (vase.OcopStars, vase.Ocop));
        Assert.Equal(OcopStanding.None, vase.OcopStandingOn(new DateOnly(2026, 12, 1)));
        var variant = Assert.Single(vase.Variants);
        Assert.Equal((450_000L, 12), (variant.Price, variant.Available));
        var entry = Assert.Single(await LedgerAsync("BT-VASE-01"));
        Assert.Equal((12, StockReason.Adjusted, "seed", "opening stock"), (entry.Delta, entry.Reason, entry.Actor, entry.Note));
        Assert.Empty(await LedgerAsync("BT-EMPTY-01"));
        Assert.Equal(0, (await ProductAsync("bat-trang-empty")).Variants[0].Available);
    }

    [Fact]
    public async Task A_forced_import_updates_text_and_prices_but_keeps_the_shops_stock()
    {
        using var folder = SeedFolderBuilder.MinimalSite();
        folder.Product("bat-trang", "bat-trang-vase", sku: "BT-VASE-01", price: "450000", stock: "10");
        await ImportAsync(folder);
        var variantId = (await ProductAsync("bat-trang-vase")).Variants[0].Id;
        await _services.InScopeAsync(async sp =>
        {
            // The shop sells three.
            Assert.True(await sp.GetRequiredService<StockKeeper>().TryTakeAsync(variantId, 3, null, "buyer", CancellationToken.None));
            await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });
        folder.Product("bat-trang", "bat-trang-vase", name: "{ vi: Bình gốm men lam (mới), en: Blue-and-white vase (new) }", variants: """
              - sku: BT-VASE-01
                price: 520000
                stock: 50
              - sku: BT-VASE-01-L
                price: 900000
                stock: 4
            """);

        var result = await ImportAsync(folder, force: true);

        Assert.Equal((ImportStatus.Imported, 0, 1), (result.Status, result.ProductsCreated, result.ProductsUpdated));
        var vase = await ProductAsync("bat-trang-vase");
        Assert.Equal("Blue-and-white vase (new)", vase.NameEn);
        Assert.Equal([(520_000L, 7), (900_000L, 4)], vase.Variants.OrderBy(v => v.SortOrder).Select(v => (v.Price, v.Available)));
        foreach (var variant in vase.Variants)
        {
            Assert.Equal(variant.Available, (await LedgerAsync(variant.Sku)).Sum(e => e.Delta));
        }
    }

    [Fact]
    public async Task A_forced_import_of_unchanged_products_changes_none()
    {
        using var folder = SeedFolderBuilder.MinimalSite();
        folder.Product("bat-trang", "bat-trang-vase", extra: "unverified: [dimensions]\nnotes: { vi: Ví dụ, en: An example }");
        await ImportAsync(folder);
        var before = await ProductAsync("bat-trang-vase");

        var result = await ImportAsync(folder, force: true);

        Assert.Equal((0, 0), (result.ProductsCreated, result.ProductsUpdated));
        Assert.Equal(before.UpdatedAt, (await ProductAsync("bat-trang-vase")).UpdatedAt);
        Assert.Single(await LedgerAsync("BT-VASE-01"));
    }

    private static void WriteFaulty(SeedFolderBuilder folder, string fault)
    {
        switch (fault)
        {
            case "ocop without unverified":
                folder.Product("bat-trang", "bat-trang-vase", extra: "ocop: { stars: 4, certificate: null }");
                break;
            case "certificate on an illustrative product":
                folder.Product("bat-trang", "bat-trang-vase", extra: "ocop: { stars: 4, certificate: \"123/QĐ-UBND\", issuedOn: 2025-06-01 }");
                break;
            case var stars when stars.StartsWith("stars:", StringComparison.Ordinal):
                folder.Product("bat-trang", "bat-trang-vase", extra: $"ocop: {{ {stars}, certificate: null }}\nunverified: [ocop]");
                break;
            case var price when price.StartsWith("price:", StringComparison.Ordinal):
                folder.Product("bat-trang", "bat-trang-vase", price: price["price: ".Length..]);
                break;
            case var category when category.StartsWith("category:", StringComparison.Ordinal):
                folder.Product("bat-trang", "bat-trang-vase", category: category["category: ".Length..]);
                break;
            case var images when images.StartsWith("images:", StringComparison.Ordinal):
                folder.Product("bat-trang", "bat-trang-vase", images: images["images: ".Length..]);
                break;
            case var name when name.StartsWith("name:", StringComparison.Ordinal):
                folder.Product("bat-trang", "bat-trang-vase", name: name["name: ".Length..]);
                break;
            default:
                folder.Product("bat-trang", "bat-trang-vase", extra: fault);
                break;
        }
    }

    private Task<ImportResult> ImportAsync(SeedFolderBuilder folder, bool force = false) =>
        _services.InScopeAsync(sp => sp.GetRequiredService<ContentImporter>().ImportAsync(folder.Root, force));

    private Task<Product> ProductAsync(string alias) =>
        _services.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Product>().AsNoTracking()
            .Include(p => p.Variants).Include(p => p.Sources).SingleAsync(p => p.Alias == alias));

    private Task<List<StockLedgerEntry>> LedgerAsync(string sku) =>
        _services.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var id = await db.Set<ProductVariant>().Where(v => v.Sku == sku).Select(v => v.Id).SingleAsync();
            return await db.Set<StockLedgerEntry>().AsNoTracking().Where(e => e.VariantId == id).ToListAsync();
        });

    private Task<(int Documents, int Products, int Variants, int Ledger)> CountAsync() =>
        _services.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (await db.Documents.CountAsync(), await db.Set<Product>().CountAsync(), await db.Set<ProductVariant>().CountAsync(), await db.Set<StockLedgerEntry>().CountAsync());
        });
}

public sealed class ProductImportTestsOnSqlite() : ProductImportTests(DatabaseKind.Sqlite);

public sealed class ProductImportTestsOnPostgres() : ProductImportTests(DatabaseKind.Postgres);
