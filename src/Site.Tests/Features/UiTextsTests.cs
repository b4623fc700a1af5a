using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Media.Upload;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Site.Tests.Features;

/// <summary>Complete English: every interface text exists in both languages, including every error an editor can see.</summary>
public sealed class UiTextsTests
{
    private readonly UiTexts _texts = new();

    [Fact]
    public void Both_languages_have_exactly_the_same_keys()
    {
        var vi = _texts.All("vi").Keys.Order(StringComparer.Ordinal).ToList();
        var en = _texts.All("en").Keys.Order(StringComparer.Ordinal).ToList();

        Assert.Equal(vi, en);
        Assert.All(_texts.All("en"), kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
    }

    [Fact]
    public void Every_upload_error_has_a_message_in_both_languages()
    {
        foreach (var error in Enum.GetValues<UploadError>())
        {
            var key = UploadErrors.MessageKey(error);
            Assert.True(_texts.All("vi").ContainsKey(key), key);
            Assert.NotEqual(_texts.Get("vi", key), _texts.Get("en", key));
        }
    }

    [Fact]
    public void Every_craft_zone_and_experience_kind_has_a_label()
    {
        var keys = DocumentTypes.Crafts.Select(c => $"craft.{c}")
            .Concat(VillageCraftPortal.Web.Content.Values.CentreZone.Required.Select(z => $"zone.{z}"))
            .Concat(DocumentTypes.ExperienceKinds.Select(k => $"experience.kind.{k}"));

        Assert.All(keys, key => Assert.True(_texts.All("en").ContainsKey(key), key));
    }
}
