using VillageCraftPortal.Web.Search;

namespace VillageCraftPortal.Site.Tests.Search;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("hoà", "hòa")]
    [InlineData("thuỵ", "thụy")]
    [InlineData("khoẻ", "khỏe")]
    [InlineData("Hoà Bình", "Hòa Bình")]
    [InlineData("xoá", "xóa")]
    [InlineData("loà", "lòa")]
    public void Old_and_new_tone_placement_give_one_form(string newStyle, string oldStyle) =>
        Assert.Equal(VietnameseText.Normalize(newStyle), VietnameseText.Normalize(oldStyle));

    [Theory]
    [InlineData("hoàn")] // final consonant: the tone stays on the second vowel
    [InlineData("quá")] // "qu" is a consonant
    [InlineData("giá")] // "gi" is a consonant
    [InlineData("người")] // ươ takes the tone on ơ
    [InlineData("tuổi")]
    [InlineData("Bát Tràng")]
    [InlineData("ceramics")]
    public void Words_already_canonical_are_unchanged(string word) =>
        Assert.Equal(word.Normalize(System.Text.NormalizationForm.FormC), VietnameseText.Normalize(word));

    [Fact]
    public void Decomposed_text_is_composed()
    {
        var decomposed = "Vạn Phúc".Normalize(System.Text.NormalizationForm.FormD);
        Assert.NotEqual("Vạn Phúc", decomposed);
        Assert.Equal("Vạn Phúc", VietnameseText.Normalize(decomposed));
    }

    [Fact]
    public void Control_characters_become_spaces() =>
        Assert.Equal("gốm lụa", VietnameseText.Normalize("gốm\u0001lụa"));

    [Theory]
    [InlineData("đường", "duong")]
    [InlineData("Bát Tràng", "bat trang")]
    [InlineData("hòa", "hoa")]
    public void Folded_fields_drop_diacritics_and_đ(string text, string folded) =>
        Assert.Equal(folded.Split(' '), SearchAnalyzer.Terms(SearchFields.Folded(SearchFields.Name, "vi"), text));

    [Fact]
    public void Exact_fields_keep_diacritics_in_canonical_form() =>
        Assert.Equal(SearchAnalyzer.Terms(SearchFields.Exact(SearchFields.Name, "vi"), "Thụy"), SearchAnalyzer.Terms(SearchFields.Exact(SearchFields.Name, "vi"), "thuỵ"));

    [Fact]
    public void English_exact_fields_are_stemmed() =>
        Assert.Equal(SearchAnalyzer.Terms(SearchFields.Exact(SearchFields.Text, "en"), "ceramic"), SearchAnalyzer.Terms(SearchFields.Exact(SearchFields.Text, "en"), "ceramics"));

    [Theory]
    [InlineData("ceramik", "ceramic", 1)]
    [InlineData("lacqure", "lacquer", 1)] // a transposition is one edit
    [InlineData("gom", "gom", 0)]
    [InlineData("abcdef", "uvwxyz", 3)] // cut off above the limit of 2
    public void Edit_distance(string a, string b, int expected) => Assert.Equal(expected, EditDistance.Between(a, b, 2));
}
