using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Stock;
using VillageCraftPortal.Site.Tests.Builders;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Editing;
using VillageCraftPortal.Web.Content.Export;
using VillageCraftPortal.Web.Content.Import;
using VillageCraftPortal.Web.Infrastructure.Cli;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Media;
using VillageCraftPortal.Web.Media.Upload;

namespace VillageCraftPortal.Site.Tests.Content;

/// <summary>
/// export-content round-trips, on each database: the real umbraco-content imported into one database, exported,
/// and imported into an empty one gives the same site, and exporting that copy gives the same files.
/// </summary>
public abstract class ContentExporterTests(DatabaseKind kind) : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "vcp-export-" + Guid.NewGuid().ToString("N")[..12]);
    private ServiceHarness _source = null!;
    private ServiceHarness _copy = null!;

    private static string RepositoryContent =>
        ContentSourceLocator.Find(null, AppContext.BaseDirectory) ?? throw new InvalidOperationException("umbraco-content not found above the test binaries");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        _source = await ServiceHarness.CreateAsync(kind);
        _copy = await ServiceHarness.CreateAsync(kind);
    }

    public async Task DisposeAsync()
    {
        await _source.DisposeAsync();
        await _copy.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private static async Task ImportAsync(ServiceHarness services, string folder)
    {
        var result = await services.InScopeAsync(sp => sp.GetRequiredService<ContentImporter>().ImportAsync(folder, force: false));
        Assert.True(result.Status == ImportStatus.Imported, string.Join('\n', result.Errors));
    }

    private static Task<ExportResult> ExportAsync(ServiceHarness services, string folder, bool force = false) =>
        services.InScopeAsync(sp => sp.GetRequiredService<ContentExporter>().ExportAsync(folder, force));

    private static async Task<string> ExportedAsync(ServiceHarness services, string folder)
    {
        var result = await ExportAsync(services, folder);
        Assert.True(result.Status == ExportStatus.Exported, string.Join('\n', result.Problems));
        return folder;
    }

    private async Task<(int Code, string Output)> RunVerbAsync(params string[] args)
    {
        using var output = new StringWriter();
        var code = await _source.InScopeAsync(sp => new ExportContentVerb().RunAsync(sp, args, output, CancellationToken.None));
        return (code, output.ToString());
    }

    private static Dictionary<string, byte[]> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

    [Fact]
    public async Task Exporting_and_importing_into_an_empty_database_gives_the_same_site()
    {
        await ImportAsync(_source, RepositoryContent);

        var export = await ExportAsync(_source, Path.Combine(_root, "export"));
        await ImportAsync(_copy, Path.Combine(_root, "export"));

        Assert.Equal(ExportStatus.Exported, export.Status);
        Assert.Empty(export.Warnings);
        var original = await ContentState.ReadAsync(_source);
        var copy = await ContentState.ReadAsync(_copy);
        Assert.True(original.Documents.Count > 30 && original.Media.Count > 30 && original.Holidays.Count > 10);
        Assert.All(original.Documents, d => Assert.DoesNotContain("(not linked)", d.Urls, StringComparison.Ordinal));
        Assert.Equal(original.Documents.Count, export.Documents);
        Assert.Equal(original.Documents, copy.Documents);
        Assert.Equal(original.Media, copy.Media);
        Assert.Equal(original.Holidays, copy.Holidays);
        Assert.Equal(original.Products, copy.Products);
    }

    [Fact]
    public async Task Products_are_exported_to_their_villages_with_their_current_stock_and_import_the_same()
    {
        await ImportAsync(_source, RepositoryContent);
        var teaSet = await _source.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var variant = await db.Set<ProductVariant>().SingleAsync(v => v.Sku == "BT-TEA-01-6");
            Assert.True(await sp.GetRequiredService<StockKeeper>().TryTakeAsync(variant.Id, 2, null, "buyer", CancellationToken.None));
            await db.SaveChangesAsync();
            return variant.Available - 2;
        });

        var export = await ExportAsync(_source, Path.Combine(_root, "export"));
        await ImportAsync(_copy, Path.Combine(_root, "export"));

        Assert.Equal(ExportStatus.Exported, export.Status);
        Assert.Empty(export.Warnings);
        var original = await ContentState.ReadAsync(_source);
        Assert.True(original.Products.Count >= 40 && export.Products == original.Products.Count);
        Assert.Equal(original.Products, (await ContentState.ReadAsync(_copy)).Products);
        var file = await File.ReadAllTextAsync(Path.Combine(_root, "export", "bat-trang", "products", "bat-trang-blue-white-tea-set.md"));
        Assert.Contains($"sku: BT-TEA-01-6\n    size:", file, StringComparison.Ordinal);
        Assert.Contains($"stock: {teaSet}\n", file, StringComparison.Ordinal);
        Assert.Contains("stars: 4", file, StringComparison.Ordinal);
        Assert.Contains("certificate: null", file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exporting_the_imported_copy_gives_the_same_files_byte_for_byte()
    {
        await ImportAsync(_source, RepositoryContent);
        var first = await ExportedAsync(_source, Path.Combine(_root, "first"));
        await ImportAsync(_copy, first);

        var second = await ExportedAsync(_copy, Path.Combine(_root, "second"));

        var (expected, actual) = (Files(first), Files(second));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, file => Assert.True(file.Value.AsSpan().SequenceEqual(actual[file.Key]), $"{file.Key} differs"));
        Assert.Contains("site/home.md", expected.Keys);
        Assert.Contains("bat-trang/village.md", expected.Keys);
        Assert.Contains("bat-trang/centre.md", expected.Keys);
        Assert.Contains("bat-trang/media/bat-trang-hero.yml", expected.Keys);
        Assert.Contains("holidays.yml", expected.Keys);
        Assert.Contains("tranh-khuc/products/tranh-khuc-banh-chung.md", expected.Keys);
    }

    [Fact]
    public async Task A_product_taken_off_sale_is_left_out_of_the_export()
    {
        using var seed = SeedFolderBuilder.MinimalSite();
        seed.Product("bat-trang", "bat-trang-vase", sku: "BT-VASE-01").Product("bat-trang", "bat-trang-bowl", sku: "BT-BOWL-01");
        await ImportAsync(_source, seed.Root);
        await _source.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            (await db.Set<Product>().SingleAsync(p => p.Alias == "bat-trang-bowl")).IsListed = false;
            await db.SaveChangesAsync();
        });

        var export = await ExportAsync(_source, Path.Combine(_root, "export"));

        Assert.Equal((ExportStatus.Exported, 1), (export.Status, export.Products));
        Assert.True(File.Exists(Path.Combine(_root, "export", "bat-trang", "products", "bat-trang-vase.md")));
        Assert.False(File.Exists(Path.Combine(_root, "export", "bat-trang", "products", "bat-trang-bowl.md")));
    }

    [Fact]
    public async Task The_verb_refuses_a_folder_that_is_not_empty_unless_forced()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "taken")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "keep me");

        var (code, output) = await RunVerbAsync(folder);

        Assert.Equal(CliRunner.Failure, code);
        Assert.Contains("not empty", output, StringComparison.Ordinal);
        Assert.Contains("--force", output, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_verb_does_not_replace_a_folder_of_something_else_even_when_forced()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "taken")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "keep me");

        var (code, output) = await RunVerbAsync(folder, "--force");

        Assert.Equal(CliRunner.Failure, code);
        Assert.Contains("does not look like exported content", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "notes.txt")));
    }

    [Fact]
    public async Task The_verb_prints_its_usage_without_a_folder_or_with_an_unknown_option()
    {
        var missing = await RunVerbAsync();
        var unknown = await RunVerbAsync(Path.Combine(_root, "x"), "--forse");

        Assert.Equal(CliRunner.UsageError, missing.Code);
        Assert.Contains("Usage: export-content <dir> [--force]", missing.Output, StringComparison.Ordinal);
        Assert.Equal(CliRunner.UsageError, unknown.Code);
        Assert.Contains("--forse", unknown.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "x")));
    }

    [Fact]
    public async Task With_force_the_verb_replaces_an_earlier_export()
    {
        using var seed = SeedFolderBuilder.MinimalSite();
        await ImportAsync(_source, seed.Root);
        var folder = await ExportedAsync(_source, Path.Combine(_root, "export"));
        await File.WriteAllTextAsync(Path.Combine(folder, "site", "stale.md"), "left from before");

        var (code, output) = await RunVerbAsync(folder, "--force");

        Assert.Equal(CliRunner.Success, code);
        Assert.Contains("3 documents, 1 media", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "site", "stale.md")));
        Assert.True(File.Exists(Path.Combine(folder, "bat-trang", "village.md")));
        Assert.Equal(["export"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_failed_export_leaves_no_folder_behind()
    {
        using var seed = SeedFolderBuilder.MinimalSite();
        await ImportAsync(_source, seed.Root);
        var master = await _source.InScopeAsync(async sp =>
        {
            var item = await sp.GetRequiredService<AppDbContext>().MediaItems.SingleAsync();
            return sp.GetRequiredService<MediaOriginals>().PathOf(item.FileHash, item.Format);
        });
        File.Delete(master);

        var result = await ExportAsync(_source, Path.Combine(_root, "export"));

        Assert.Equal(ExportStatus.Failed, result.Status);
        Assert.Contains(result.Problems, p => p.Contains("bat-trang/media/bat-trang-hero.jpg", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Fact]
    public async Task Documents_and_media_made_in_the_backoffice_get_stable_generated_keys_and_unpublished_ones_stay_out()
    {
        using var seed = SeedFolderBuilder.MinimalSite();
        await ImportAsync(_source, seed.Root);
        var (village, image) = await _source.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var upload = await sp.GetRequiredService<MediaUploadService>().UploadAsync(
                new MediaUpload(new MemoryStream(ImageCorpus.Jpeg(120, 80)), "kim-lan", new LocalizedText { ["vi"] = "Lò gốm", ["en"] = "A kiln" }), "editor");
            var villages = await db.Documents.SingleAsync(d => d.Alias == "villages");
            var content = sp.GetRequiredService<ContentService>();
            var created = await content.CreateAsync(new NewDocument("village", villages.Id, Village("kim-lan", upload.Item!.Key)), "editor");
            await sp.GetRequiredService<PublishingService>().PublishAsync(created.Document!.Id, "editor");
            await content.CreateAsync(new NewDocument("village", villages.Id, Village("draft-village", upload.Item.Key)), "editor");
            return (created.Document, upload.Item);
        });

        var export = await ExportAsync(_source, Path.Combine(_root, "export"));
        await ImportAsync(_copy, Path.Combine(_root, "export"));

        var villageAlias = $"village-kim-lan-{village.Key:N}"[..24];
        var mediaAlias = $"kim-lan-{image.Key:N}"[..16];
        Assert.Equal((ExportStatus.Exported, 4, 1), (export.Status, export.Documents, export.LeftOut));
        Assert.True(File.Exists(Path.Combine(_root, "export", villageAlias["village-".Length..], "village.md")));
        Assert.True(File.Exists(Path.Combine(_root, "export", "kim-lan", "media", mediaAlias + ".jpg")));
        var copy = await ContentState.ReadAsync(_copy);
        var copied = Assert.Single(copy.Documents, d => d.Alias == villageAlias);
        Assert.Equal(StableKeys.ForDocument(villageAlias), copied.Key);
        Assert.Contains($"\"heroImage\":{{\"*\":\"{StableKeys.ForMedia(mediaAlias)}\"}}", copied.Values, StringComparison.Ordinal);
        var media = Assert.Single(copy.Media, m => m.Alias == mediaAlias);
        Assert.Equal((image.FileHash, image.Bytes, image.Width), (media.Hash, media.Bytes, media.Width));
        Assert.DoesNotContain(copy.Documents, d => d.Values.Contains("draft-village", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_exported_image_replaced_by_another_file_is_imported_as_a_new_image()
    {
        using var seed = SeedFolderBuilder.MinimalSite();
        await ImportAsync(_source, seed.Root);
        var folder = await ExportedAsync(_source, Path.Combine(_root, "export"));
        var image = Path.Combine(folder, "bat-trang", "media", "bat-trang-hero.jpg");
        await File.WriteAllBytesAsync(image, ImageCorpus.Jpeg(90, 60));

        await ImportAsync(_copy, folder);

        var original = Assert.Single((await ContentState.ReadAsync(_source)).Media);
        var copy = Assert.Single((await ContentState.ReadAsync(_copy)).Media);
        Assert.Equal(await MediaOriginals.HashAsync(image, CancellationToken.None), copy.Hash);
        Assert.NotEqual(original.Hash, copy.Hash);
        Assert.Equal((90, 60), (copy.Width, copy.Height));
    }

    private static ContentValues Village(string slug, Guid heroImage) => new ContentValues()
        .Set("name", "vi", $"Làng {slug}")
        .Set("slug", "vi", slug)
        .Set("crafts", Cultures.Invariant, new[] { "ceramics" })
        .Set("heroImage", Cultures.Invariant, heroImage);
}

public sealed class ContentExporterTestsOnSqlite() : ContentExporterTests(DatabaseKind.Sqlite);

public sealed class ContentExporterTestsOnPostgres() : ContentExporterTests(DatabaseKind.Postgres);
