using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using VillageCraftPortal.Site.Tests.Builders;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Media;
using VillageCraftPortal.Web.Media.Serving;
using VillageCraftPortal.Web.Media.Upload;

namespace VillageCraftPortal.Site.Tests.Media;

/// <summary>Preset and signed variants through the HTTP endpoint, on each database.</summary>
public abstract class MediaServingTests(DatabaseKind kind) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private SiteFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(kind);
        _factory = new SiteFactory(_database, new Dictionary<string, string?>
        {
            ["Database:ImportContentOnStartup"] = "false",
            ["Media:CacheSizeLimitMegabytes"] = "1",
            ["Media:MemoryCacheMegabytes"] = "0",
        });
        _client = await _factory.CreateReadyClientAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<MediaItem> UploadAsync(byte[] bytes, double focalX = 0.5, double focalY = 0.5)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<MediaUploadService>().UploadAsync(
            new MediaUpload(new MemoryStream(bytes), "bat-trang", new LocalizedText { ["vi"] = "Ảnh", ["en"] = "Image" }) { FocalX = focalX, FocalY = focalY },
            "test");
        Assert.True(result.Succeeded, result.Error.ToString());
        var snapshots = _factory.Services.GetRequiredService<PublishedSnapshotAccessor>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (snapshots.Current.Media(result.Item!.Key) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return result.Item!;
    }

    private async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string url, string accept = "*/*", string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accept);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        }

        var response = await _client.SendAsync(request);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private static string Id(MediaItem item) => item.FileHash[..32];

    [Theory]
    [InlineData("thumb", 320, 320, 320)]
    [InlineData("card", 640, 640, 480)]
    [InlineData("hero", 1280, 1280, 720)]
    [InlineData("gallery", 800, 800, 600)]
    [InlineData("hero", 1920, 1600, 900)]
    public async Task Each_preset_has_its_size_and_never_upscales(string preset, int width, int expectedWidth, int expectedHeight)
    {
        var item = await UploadAsync(ImageCorpus.Jpeg(1600, 1200));

        var (response, body) = await GetAsync($"/media/{Id(item)}/{preset}/{width}", "image/jpeg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        using var image = Image.NewFromBuffer(body);
        Assert.Equal((expectedWidth, expectedHeight), (image.Width, image.Height));
    }

    [Theory]
    [InlineData("image/avif,image/webp,image/apng,*/*;q=0.8", "image/avif", "VipsForeignLoadHeifBuffer")]
    [InlineData("image/webp,*/*", "image/webp", "VipsForeignLoadWebpBuffer")]
    [InlineData("*/*", "image/jpeg", "VipsForeignLoadJpegBuffer")]
    public async Task The_format_follows_the_Accept_header_and_says_so_in_Vary(string accept, string contentType, string loader)
    {
        var item = await UploadAsync(ImageCorpus.Jpeg(1200, 900));

        var (response, body) = await GetAsync($"/media/{Id(item)}/card/480", accept);

        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.Equal(loader, Image.FindLoadBuffer(body));
        using var image = Image.NewFromBuffer(body);
        Assert.Equal((480, 360), (image.Width, image.Height));
    }

    [Fact]
    public async Task A_PNG_master_falls_back_to_PNG_and_Open_Graph_is_always_JPEG()
    {
        var png = await UploadAsync(ImageCorpus.Png(1400, 800, alpha: true));

        var (fallback, _) = await GetAsync($"/media/{Id(png)}/card/320", "*/*");
        var (og, ogBody) = await GetAsync($"/media/{Id(png)}/og/1200", "image/avif,image/webp,*/*");

        Assert.Equal("image/png", fallback.Content.Headers.ContentType!.MediaType);
        Assert.Equal("image/jpeg", og.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("Accept", og.Headers.Vary);
        using var image = Image.NewFromBuffer(ogBody);
        Assert.Equal((1200, 630), (image.Width, image.Height));
    }

    [Fact]
    public async Task Responses_are_immutable_with_an_ETag_that_gives_304()
    {
        var item = await UploadAsync(ImageCorpus.Jpeg(1000, 750));
        var url = $"/media/{Id(item)}/card/320";

        var (first, _) = await GetAsync(url);
        var (second, body) = await GetAsync(url, ifNoneMatch: first.Headers.ETag!.Tag);

        Assert.Equal("public, max-age=31536000, immutable", first.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(body);
    }

    [Fact]
    public async Task The_crop_follows_the_focal_point()
    {
        // Left half red, right half blue.
        using var red = Image.Black(800, 400, bands: 3).NewFromImage(220, 30, 30);
        using var blue = Image.Black(800, 400, bands: 3).NewFromImage(30, 30, 220);
        using var both = red.Join(blue, Enums.Direction.Horizontal);
        var left = await UploadAsync(both.JpegsaveBuffer(q: 90), focalX: 0.1);
        var right = await UploadAsync(both.PngsaveBuffer(), focalX: 0.9);

        var (_, leftBody) = await GetAsync($"/media/{Id(left)}/thumb/160?fp=10,50", "image/jpeg");
        var (_, rightBody) = await GetAsync($"/media/{Id(right)}/thumb/160?fp=90,50", "image/png");

        using var leftImage = Image.NewFromBuffer(leftBody);
        using var rightImage = Image.NewFromBuffer(rightBody);
        Assert.True(leftImage[0].Avg() > 180 && leftImage[2].Avg() < 80, "the left crop is red");
        Assert.True(rightImage[2].Avg() > 180 && rightImage[0].Avg() < 80, "the right crop is blue");
    }

    [Theory]
    [InlineData("/card/500", HttpStatusCode.BadRequest)]
    [InlineData("/poster/640", HttpStatusCode.BadRequest)]
    [InlineData("/card/640?w=2000", HttpStatusCode.BadRequest)]
    [InlineData("/card/640?fp=10,10", HttpStatusCode.BadRequest)]
    [InlineData("/card/640?fp=abc", HttpStatusCode.BadRequest)]
    [InlineData("/custom?w=300", HttpStatusCode.BadRequest)]
    [InlineData("/card/640", HttpStatusCode.OK)]
    public async Task Only_presets_are_served_unsigned(string suffix, HttpStatusCode expected)
    {
        var item = await UploadAsync(ImageCorpus.Jpeg(1000, 750));

        var (response, _) = await GetAsync($"/media/{Id(item)}{suffix}");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_images_are_not_found()
    {
        var (unknown, _) = await GetAsync($"/media/{new string('a', 32)}/card/640");
        var (malformed, _) = await GetAsync("/media/not-a-hash/card/640");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
    }

    [Fact]
    public async Task Signed_custom_variants_are_served_and_tampering_is_refused()
    {
        var item = await UploadAsync(ImageCorpus.Jpeg(1600, 1200));
        var signer = _factory.Services.GetRequiredService<ImageUrlSigner>();
        var path = $"/media/{Id(item)}/custom";
        string Signed(params (string Key, string Value)[] p) =>
            $"{path}?{string.Join('&', p.Select(x => $"{x.Key}={x.Value}"))}&s={signer.Sign(path, p.Select(x => new KeyValuePair<string, string>(x.Key, x.Value)))}";

        var good = Signed(("w", "500"), ("h", "500"), ("fit", "cover"), ("fmt", "webp"));
        var (ok, body) = await GetAsync(good);
        var (tampered, _) = await GetAsync(good.Replace("w=500", "w=501", StringComparison.Ordinal));
        var (outOfRange, _) = await GetAsync(Signed(("w", "9000")));
        var (extra, _) = await GetAsync(Signed(("w", "500"), ("blur", "5")));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("image/webp", ok.Content.Headers.ContentType!.MediaType);
        using var image = Image.NewFromBuffer(body);
        Assert.Equal((500, 500), (image.Width, image.Height));
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, extra.StatusCode);
        Assert.Equal("application/problem+json", tampered.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Identical_concurrent_requests_share_one_transform()
    {
        var item = await UploadAsync(ImageCorpus.Jpeg(2400, 1800));
        var cache = _factory.Services.GetRequiredService<VariantCache>();
        var before = cache.TransformCount;

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => GetAsync($"/media/{Id(item)}/hero/960", "image/webp")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Response.StatusCode));
        Assert.Single(responses.Select(r => Convert.ToBase64String(r.Body)).Distinct());
        Assert.Equal(before + 1, cache.TransformCount);
        await GetAsync($"/media/{Id(item)}/hero/960", "image/webp");
        Assert.Equal(before + 1, cache.TransformCount);
    }

    [Fact]
    public async Task The_disk_cache_stays_under_its_cap_by_dropping_the_least_recently_used()
    {
        var item = await UploadAsync(ImageCorpus.Jpeg(2000, 1500, quality: 95));
        var cache = _factory.Services.GetRequiredService<VariantCache>();

        foreach (var width in new[] { 400, 800, 1200, 1600 })
        {
            foreach (var accept in new[] { "image/jpeg", "image/webp", "image/png" })
            {
                await GetAsync($"/media/{Id(item)}/gallery/{width}", accept);
            }
        }

        Assert.True(cache.TotalBytes <= 1024 * 1024, $"{cache.TotalBytes} bytes cached");
        var files = Directory.EnumerateFiles(cache.Root, "*", SearchOption.AllDirectories).ToList();
        Assert.Equal(cache.TotalBytes, files.Sum(f => new FileInfo(f).Length));
        Assert.DoesNotContain(files, f => f.Contains("gallery-400x300", StringComparison.Ordinal) && f.EndsWith(".png", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_master_damaged_on_disk_answers_not_found_not_a_server_error()
    {
        var item = await UploadAsync(ImageCorpus.Jpeg(900, 600));
        var master = _factory.Services.GetRequiredService<MediaOriginals>().PathOf(item.FileHash, item.Format);
        await File.WriteAllBytesAsync(master, ImageCorpus.Truncated(await File.ReadAllBytesAsync(master))[..200]);

        var (response, _) = await GetAsync($"/media/{Id(item)}/card/320");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class MediaServingTestsOnSqlite() : MediaServingTests(DatabaseKind.Sqlite);

public sealed class MediaServingTestsOnPostgres() : MediaServingTests(DatabaseKind.Postgres);
