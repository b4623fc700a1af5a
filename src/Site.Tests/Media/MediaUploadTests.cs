using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using VillageCraftPortal.Site.Tests.Builders;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Media;
using VillageCraftPortal.Web.Media.Upload;

namespace VillageCraftPortal.Site.Tests.Media;

/// <summary>
/// The bad-file corpus through the upload pipeline, on each database: every file is refused with a reason or made
/// safe; none crashes, and a refused file leaves no row and no file behind.
/// </summary>
public abstract class MediaUploadTests(DatabaseKind kind) : IAsyncLifetime
{
    private ServiceHarness _services = null!;

    public async Task InitializeAsync() => _services = await ServiceHarness.CreateAsync(kind);

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private Task<UploadResult> UploadAsync(byte[] bytes, string folder = "bat-trang") =>
        _services.InScopeAsync(sp => sp.GetRequiredService<MediaUploadService>().UploadAsync(
            new MediaUpload(new MemoryStream(bytes), folder, new LocalizedText { ["vi"] = "Ảnh thử", ["en"] = "Test image" }),
            "test-editor"));

    private string MasterPath(MediaItem item) => _services.Get<MediaOriginals>().PathOf(item.FileHash, item.Format);

    private async Task AssertNothingStoredAsync()
    {
        var rows = await _services.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().MediaItems.CountAsync());
        Assert.Equal(0, rows);
        var root = _services.Get<MediaOriginals>().Root;
        Assert.False(Directory.Exists(root) && Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Any());
        var incoming = Path.Combine(root, "..", "incoming");
        Assert.False(Directory.Exists(incoming) && Directory.EnumerateFiles(incoming).Any());
    }

    public static TheoryData<string, UploadError> Refused() => new()
    {
        { "zero-byte", UploadError.Empty },
        { "truncated-jpeg", UploadError.Corrupt },
        { "png-60000x60000", UploadError.TooManyPixels },
        { "gif-3000-frames", UploadError.TooManyFrames },
        { "svg-with-script", UploadError.SvgRefused },
        { "html", UploadError.UnsupportedType },
        { "over-25-mb", UploadError.TooLarge },
    };

    private static byte[] Corpus(string name) => name switch
    {
        "zero-byte" => [],
        "truncated-jpeg" => ImageCorpus.Truncated(ImageCorpus.Jpeg(1200, 900)),
        "png-60000x60000" => ImageCorpus.PngClaiming(60_000, 60_000),
        "gif-3000-frames" => ImageCorpus.GifWithManyFrames(3000),
        "svg-with-script" => ImageCorpus.SvgWithScript(),
        "html" => "<!DOCTYPE html><html><script>alert(1)</script></html>"u8.ToArray(),
        "over-25-mb" => new byte[(25 * 1024 * 1024) + 1],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Bad_files_are_refused_with_a_reason_and_leave_nothing_behind(string file, UploadError expected)
    {
        var result = await UploadAsync(Corpus(file));

        Assert.Equal(expected, result.Error);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_JPEG_HTML_polyglot_is_accepted_as_an_image_and_its_HTML_removed()
    {
        var result = await UploadAsync(ImageCorpus.JpegHtmlPolyglot());

        Assert.True(result.Succeeded);
        var master = await File.ReadAllBytesAsync(MasterPath(result.Item!));
        Assert.False(ImageCorpus.ContainsAscii(master, "<script"));
        Assert.False(ImageCorpus.ContainsAscii(master, "<html"));
    }

    [Fact]
    public async Task GPS_never_survives_and_EXIF_orientation_is_applied()
    {
        var upload = ImageCorpus.JpegWithGpsAndRotation(400, 200);
        using (var original = Image.NewFromBuffer(upload))
        {
            Assert.NotEqual(0, original.GetTypeOf("exif-data"));
        }

        var result = await UploadAsync(upload);

        Assert.True(result.Succeeded);
        var master = await File.ReadAllBytesAsync(MasterPath(result.Item!));
        Assert.False(ImageCorpus.ContainsAscii(master, "Exif"));
        using var image = Image.NewFromBuffer(master);
        Assert.Equal(0, image.GetTypeOf("exif-data"));
        // Orientation 6 means the camera was turned: the stored image is upright, so 200 × 400.
        Assert.Equal((200, 400), (image.Width, image.Height));
        Assert.Equal((200, 400), (result.Item!.Width, result.Item.Height));
    }

    [Theory]
    [InlineData("png", "png")]
    [InlineData("png-alpha", "png")]
    [InlineData("webp", "jpg")]
    [InlineData("avif", "jpg")]
    [InlineData("gif", "png")]
    public async Task Every_accepted_type_becomes_a_safe_master(string type, string masterFormat)
    {
        var bytes = type switch
        {
            "png" => ImageCorpus.Png(),
            "png-alpha" => ImageCorpus.Png(alpha: true),
            "webp" => ImageCorpus.WebP(),
            "avif" => ImageCorpus.Avif(),
            _ => ImageCorpus.AnimatedGif(5, 64),
        };

        var result = await UploadAsync(bytes);

        Assert.True(result.Succeeded, result.Error.ToString());
        Assert.Equal(masterFormat, result.Item!.Format);
        Assert.True(File.Exists(MasterPath(result.Item)));
    }

    [Fact]
    public async Task The_type_comes_from_the_bytes_not_the_name()
    {
        // A PNG is a PNG whatever it is called; the service is never even told the name.
        var result = await UploadAsync(ImageCorpus.Png());

        Assert.Equal("png", result.Item!.Format);
    }

    [Fact]
    public async Task The_same_file_uploaded_twice_is_stored_once()
    {
        var bytes = ImageCorpus.Jpeg(640, 480);

        var first = await UploadAsync(bytes);
        var second = await UploadAsync(bytes, folder: "kim-lan");

        Assert.False(first.StoredBefore);
        Assert.True(second.StoredBefore);
        Assert.Equal(first.Item!.FileHash, second.Item!.FileHash);
        Assert.NotEqual(first.Item.Key, second.Item.Key);
        Assert.Single(Directory.EnumerateFiles(_services.Get<MediaOriginals>().Root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Alt_text_in_Vietnamese_is_required()
    {
        var result = await _services.InScopeAsync(sp => sp.GetRequiredService<MediaUploadService>().UploadAsync(
            new MediaUpload(new MemoryStream(ImageCorpus.Jpeg()), "bat-trang", new LocalizedText { ["en"] = "Only English" }), "test-editor"));

        Assert.Equal(UploadError.AltTextRequired, result.Error);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task The_item_keeps_size_focal_point_alt_text_credit_and_licence()
    {
        var result = await _services.InScopeAsync(sp => sp.GetRequiredService<MediaUploadService>().UploadAsync(
            new MediaUpload(new MemoryStream(ImageCorpus.Jpeg(800, 600)), "van-phuc", new LocalizedText { ["vi"] = "Lụa", ["en"] = "Silk" })
            {
                Caption = new LocalizedText { ["vi"] = "Chú thích" },
                Credit = "Ảnh: Nguyễn Văn A",
                Licence = "CC BY 4.0",
                FocalX = 0.3,
                FocalY = 0.7,
            },
            "test-editor"));

        var item = await _services.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().MediaItems.SingleAsync());
        Assert.Equal((800, 600, 0.3, 0.7, "van-phuc", "CC BY 4.0"), (item.Width, item.Height, item.FocalX, item.FocalY, item.Folder, item.Licence));
        Assert.Contains("Silk", item.Alt, StringComparison.Ordinal);
        Assert.Equal(result.Item!.Key, item.Key);
    }
}

public sealed class MediaUploadTestsOnSqlite() : MediaUploadTests(DatabaseKind.Sqlite);

public sealed class MediaUploadTestsOnPostgres() : MediaUploadTests(DatabaseKind.Postgres);
