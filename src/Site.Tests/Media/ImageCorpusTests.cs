using NetVips;
using VillageCraftPortal.Site.Tests.Builders;
using VillageCraftPortal.Web.Media;

namespace VillageCraftPortal.Site.Tests.Media;

/// <summary>The bad files really are what the upload tests say they are, so those tests can fail.</summary>
public sealed class ImageCorpusTests
{
    [Fact]
    public void The_PNG_bomb_declares_60000_by_60000_in_a_tiny_file()
    {
        var bytes = ImageCorpus.PngClaiming(60_000, 60_000);
        using var image = Image.NewFromBuffer(bytes, access: Enums.Access.Sequential);

        Assert.True(bytes.Length < 100);
        Assert.Equal((60_000, 60_000), (image.Width, image.Height));
    }

    [Fact]
    public void The_GIF_has_thousands_of_frames()
    {
        using var image = Image.NewFromBuffer(ImageCorpus.GifWithManyFrames(3000));

        Assert.Equal(3000, (int)image.Get("n-pages"));
    }

    [Fact]
    public void The_polyglot_is_a_JPEG_by_its_bytes_and_carries_a_script()
    {
        var bytes = ImageCorpus.JpegHtmlPolyglot();

        Assert.Equal(ImageInspector.Jpeg, ImageInspector.DetectFormat(bytes));
        Assert.True(ImageCorpus.ContainsAscii(bytes, "<script>"));
    }

    [Fact]
    public void The_phone_photo_carries_GPS_and_a_rotation()
    {
        using var image = Image.NewFromBuffer(ImageCorpus.JpegWithGpsAndRotation());

        Assert.Equal(6, (int)image.Get("orientation"));
        Assert.Contains(image.GetFields(), f => f.StartsWith("exif-ifd3-GPSLatitude", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_our_five_formats_load_SVG_does_not()
    {
        VillageCraftPortal.Web.Media.Processing.Vips.Configure();

        Assert.Throws<VipsException>(() => Image.NewFromBuffer(ImageCorpus.SvgWithScript()));
        foreach (var bytes in new[] { ImageCorpus.Jpeg(), ImageCorpus.Png(), ImageCorpus.WebP(), ImageCorpus.Avif(), ImageCorpus.AnimatedGif(3) })
        {
            using var image = Image.NewFromBuffer(bytes);
            Assert.True(image.Width > 0);
        }
    }
}
