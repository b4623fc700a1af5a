using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Stock;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Content.Html;
using VillageCraftPortal.Web.Content.Import;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Media;
using VillageCraftPortal.Web.Media.Upload;

namespace VillageCraftPortal.Site.Tests.Content;

/// <summary>The shop's products in the real umbraco-content: enough of them, in every village and craft, and honest.</summary>
public sealed class SeedProductsTests
{
    public static readonly IReadOnlyList<string> Villages =
        ["bat-trang", "kim-lan", "van-phuc", "ha-thai", "chuyen-my", "phu-vinh", "tranh-khuc", "son-dong", "thiet-ung", "trach-xa"];

    private static string RepositoryContent =>
        ContentSourceLocator.Find(null, AppContext.BaseDirectory) ?? throw new InvalidOperationException("umbraco-content not found above the test binaries");

    private static async Task<SeedContent> ReadAsync()
    {
        var reader = new SeedContentReader(new ContentHtml(), new ImageValidator(Microsoft.Extensions.Options.Options.Create(new MediaOptions())));
        var (content, errors) = await reader.ReadAsync(RepositoryContent, CancellationToken.None);
        Assert.True(content is not null, string.Join('\n', errors));
        return content;
    }

    [Fact]
    public async Task There_are_at_least_forty_products_four_in_each_of_the_ten_villages_in_every_category()
    {
        var products = (await ReadAsync()).Products.Select(p => p.Product).ToList();

        Assert.True(products.Count >= 40, $"{products.Count} products");
        Assert.Equal(Villages.Order(StringComparer.Ordinal), products.Select(p => p.VillageCode).Distinct().Order(StringComparer.Ordinal));
        Assert.All(products.GroupBy(p => p.VillageCode), village => Assert.True(village.Count() >= 4, $"{village.Key}: {village.Count()} products"));
        Assert.Equal(ProductCategory.All.Order(StringComparer.Ordinal), products.Select(p => p.Category).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_product_is_bilingual_priced_illustrative_and_sourced()
    {
        var products = (await ReadAsync()).Products;

        Assert.All(products, seed =>
        {
            var product = seed.Product;
            Assert.False(string.IsNullOrWhiteSpace(product.NameVi), seed.File);
            Assert.False(string.IsNullOrWhiteSpace(product.NameEn), seed.File);
            Assert.False(string.IsNullOrWhiteSpace(product.DescriptionVi), seed.File);
            Assert.False(string.IsNullOrWhiteSpace(product.DescriptionEn), seed.File);
            Assert.NotEmpty(product.Variants);
            Assert.All(product.Variants, v => Assert.True(v.Price > 0 && v.Available >= 0, $"{seed.File}: {v.Sku}"));
            Assert.True(product.Illustrative, seed.File);
            Assert.NotEmpty(product.Sources);
            Assert.All(product.Sources, s => Assert.StartsWith("http", s.Url, StringComparison.Ordinal));
        });
        var skus = products.SelectMany(p => p.Product.Variants).Select(v => v.Sku).ToList();
        Assert.Equal(skus.Count, skus.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task No_product_claims_an_OCOP_certificate_and_its_stars_are_marked_unverified()
    {
        var products = (await ReadAsync()).Products.Select(p => p.Product).ToList();

        Assert.All(products, p => Assert.Null(p.OcopCertificateNumber));
        Assert.All(products, p => Assert.Equal(OcopStanding.None, p.OcopStandingOn(new DateOnly(2026, 12, 1))));
        var rated = products.Where(p => p.OcopStars is not null).ToList();
        Assert.NotEmpty(rated);
        Assert.All(rated, p => Assert.Contains("ocop", p.Unverified));
        Assert.All(rated, p => Assert.False(string.IsNullOrWhiteSpace(p.NotesEn), $"{p.Alias} should say why its stars are shown"));
    }

    [Fact]
    public async Task Only_food_is_perishable_and_each_product_shows_its_own_villages_images()
    {
        var content = await ReadAsync();
        var folders = content.Media.ToDictionary(m => m.Alias, m => m.Folder, StringComparer.Ordinal);

        Assert.All(content.Products.Select(p => p.Product), p =>
        {
            Assert.Equal(p.Category == ProductCategory.Food, p.Perishable);
            Assert.All(p.ImageKeys, key => Assert.Equal(p.VillageCode, folders[key]));
            Assert.True(p.WeightGrams > 0, p.Alias);
        });
    }
}

/// <summary>The real umbraco-content imported: every variant's stock is its opening stock, recorded in the ledger.</summary>
public abstract class SeedProductsImportTests(DatabaseKind kind) : IAsyncLifetime
{
    private ServiceHarness _services = null!;

    public async Task InitializeAsync() => _services = await ServiceHarness.CreateAsync(kind);

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task The_real_content_imports_its_products_with_opening_stock_in_the_ledger()
    {
        var folder = ContentSourceLocator.Find(null, AppContext.BaseDirectory)!;

        var result = await _services.InScopeAsync(sp => sp.GetRequiredService<ContentImporter>().ImportAsync(folder, force: false));

        Assert.True(result.Status == ImportStatus.Imported, string.Join('\n', result.Errors));
        Assert.True(result.ProductsCreated >= 40, $"{result.ProductsCreated} products");
        await _services.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var products = await db.Set<Product>().AsNoTracking().Include(p => p.Variants).Include(p => p.Sources).ToListAsync();
            var ledger = await db.Set<StockLedgerEntry>().AsNoTracking().ToListAsync();
            Assert.Equal(result.ProductsCreated, products.Count);
            Assert.Equal(SeedProductsTests.Villages.Count, products.Select(p => p.VillageCode).Distinct().Count());
            Assert.All(products, p => Assert.NotEmpty(p.Sources));
            Assert.All(products.SelectMany(p => p.Variants), v =>
                Assert.Equal(v.Available, ledger.Where(e => e.VariantId == v.Id).Sum(e => e.Delta)));
            Assert.All(ledger, e => Assert.Equal((StockReason.Adjusted, "seed", "opening stock"), (e.Reason, e.Actor, e.Note)));
        });
    }
}

public sealed class SeedProductsImportTestsOnSqlite() : SeedProductsImportTests(DatabaseKind.Sqlite);

public sealed class SeedProductsImportTestsOnPostgres() : SeedProductsImportTests(DatabaseKind.Postgres);
