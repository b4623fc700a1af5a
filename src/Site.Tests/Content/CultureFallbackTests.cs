using VillageCraftPortal.Site.Tests.Builders;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Values;

namespace VillageCraftPortal.Site.Tests.Content;

public sealed class CultureFallbackTests
{
    [Fact]
    public void English_text_is_used_when_present()
    {
        var text = new LocalizedText { ["vi"] = "Làng gốm", ["en"] = "Pottery village" };

        var value = text.For("en");

        Assert.Equal("Pottery village", value.Value);
        Assert.False(value.IsFallback);
        Assert.Equal("en", value.Culture);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_or_blank_English_falls_back_to_Vietnamese_and_says_so(string? english)
    {
        var text = new LocalizedText { ["vi"] = "Làng gốm" };
        if (english is not null)
        {
            text["en"] = english;
        }

        var value = text.For("en");

        Assert.Equal("Làng gốm", value.Value);
        Assert.True(value.IsFallback);
        Assert.Equal("vi", value.Culture);
    }

    [Fact]
    public void Vietnamese_never_falls_back_to_English()
    {
        var text = new LocalizedText { ["en"] = "Pottery village" };

        var value = text.For("vi");

        Assert.Equal(string.Empty, value.Value);
        Assert.False(value.HasValue);
    }

    [Fact]
    public void A_published_node_falls_back_per_property_not_per_page()
    {
        var node = PublishedNodeBuilder.Village()
            .With("name", "vi", "Làng gốm Bát Tràng").With("name", "en", "Bát Tràng pottery village")
            .With("summary", "vi", "Chỉ có tiếng Việt")
            .Build();

        Assert.False(node.Name("en").IsFallback);
        var summary = node.Text("summary", "en");
        Assert.True(summary.IsFallback);
        Assert.Equal("Chỉ có tiếng Việt", summary.Value);
    }

    [Fact]
    public void Invariant_values_are_the_same_in_every_culture()
    {
        var node = PublishedNodeBuilder.Village()
            .With("name", "vi", "Làng")
            .WithInvariant("location", new GeoPoint(20.983, 105.917, true))
            .Build();

        Assert.Equal(20.983, node.Value<GeoPoint>("location")!.Lat);
    }
}
