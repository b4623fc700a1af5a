using VillageCraftPortal.Web.Content;

namespace VillageCraftPortal.Site.Tests.Content;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Bát Tràng", "bat-trang")]
    [InlineData("Đường Láng", "duong-lang")]
    [InlineData("  Vạn Phúc -- lụa!  ", "van-phuc-lua")]
    [InlineData("Thuỵ Khuê / Hoà Bình", "thuy-khue-hoa-binh")]
    [InlineData("Áo dài Trạch Xá 2026", "ao-dai-trach-xa-2026")]
    public void Slugify_turns_Vietnamese_text_into_ascii_segments(string text, string expected) =>
        Assert.Equal(expected, Slugs.Slugify(text));

    [Theory]
    [InlineData("bat-trang", true)]
    [InlineData("a1", true)]
    [InlineData("Bat-Trang", false)]
    [InlineData("bat--trang", false)]
    [InlineData("-bat", false)]
    [InlineData("bát", false)]
    [InlineData("", false)]
    [InlineData("a/b", false)]
    public void IsValid_accepts_only_lower_case_ascii_with_single_hyphens(string slug, bool valid) =>
        Assert.Equal(valid, Slugs.IsValid(slug));

    [Fact]
    public void IsValid_refuses_slugs_longer_than_the_limit() =>
        Assert.False(Slugs.IsValid(new string('a', Slugs.MaxLength + 1)));
}
