using System.Text.RegularExpressions;
using VillageCraftPortal.Commerce.Shipping;

namespace VillageCraftPortal.Site.Tests.Commerce.Shipping;

public sealed partial class ProvincesTests
{
    private static readonly Provinces Provinces = Provinces.Current;

    [Fact]
    public void There_are_34_units_six_of_them_centrally_run_cities()
    {
        Assert.Equal(34, Provinces.Count);
        Assert.Equal(34, Provinces.InVietnameseOrder.Count);
        Assert.Equal(
            ["can-tho", "da-nang", "ha-noi", "hai-phong", "ho-chi-minh", "hue"],
            Provinces.InVietnameseOrder.Where(p => p.Kind == ProvinceKind.City).Select(p => p.Code).Order(StringComparer.Ordinal));
        Assert.Equal(28, Provinces.InVietnameseOrder.Count(p => p.Kind == ProvinceKind.Province));
    }

    [Fact]
    public void Ha_noi_is_found_by_its_code_in_either_case()
    {
        var haNoi = Provinces.Find(Provinces.HaNoiCode);

        Assert.Equal(new Province("ha-noi", "Hà Nội", "Hanoi", ProvinceKind.City, "Nghị quyết 202/2025/QH15: không thực hiện sắp xếp"), haNoi);
        Assert.Same(haNoi, Provinces.Find("HA-NOI"));
    }

    [Theory]
    [InlineData("binh-duong")]
    [InlineData("ha-giang")]
    [InlineData("quang-nam")]
    [InlineData("")]
    public void Provinces_merged_away_in_2025_are_unknown(string code) =>
        Assert.Null(Provinces.Find(code));

    [Fact]
    public void Codes_are_unique_lower_case_ascii_slugs()
    {
        var codes = Provinces.InVietnameseOrder.Select(p => p.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(codes, c => Assert.Matches(Slug(), c));
    }

    [Fact]
    public void Every_unit_has_both_names_and_a_source()
    {
        Assert.All(Provinces.InVietnameseOrder, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.NameVi));
            Assert.False(string.IsNullOrWhiteSpace(p.NameEn));
            Assert.True(p.NameEn.All(char.IsAscii), $"{p.NameEn} should be written without diacritics");
            Assert.StartsWith("Nghị quyết 202/2025/QH15", p.Source, StringComparison.Ordinal);
        });
        Assert.Equal(11, Provinces.InVietnameseOrder.Count(p => p.Source.EndsWith("không thực hiện sắp xếp", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_file_names_the_resolution_and_where_it_was_checked()
    {
        Assert.Contains("202/2025/QH15", Provinces.Source.Resolution, StringComparison.Ordinal);
        Assert.Equal((new DateOnly(2025, 6, 12), new DateOnly(2025, 7, 1)), (Provinces.Source.AdoptedAndInForce, Provinces.Source.NewUnitsOperateFrom));
        Assert.NotEmpty(Provinces.Source.Urls);
        Assert.All(Provinces.Source.Urls, u => Assert.StartsWith("https://", u, StringComparison.Ordinal));
    }

    [Fact]
    public void The_list_reads_in_vietnamese_alphabetical_order()
    {
        var names = Provinces.InVietnameseOrder.Select(p => p.NameVi).ToList();

        // Đ is a letter of its own after D, so the Đ names sit between C and G (code-point order puts them after V).
        AssertInOrder(names, "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai");
        // Ă and Â are letters after A, Ư after U; tone marks only break ties.
        AssertInOrder(names, "Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng");
        AssertInOrder(names, "Hà Nội", "Hà Tĩnh", "Hải Phòng", "Huế", "Hưng Yên");
        AssertInOrder(names, "Tây Ninh", "Thái Nguyên", "Thanh Hóa", "Thành phố Hồ Chí Minh", "Tuyên Quang");
        Assert.Equal(("An Giang", "Vĩnh Long"), (names[0], names[^1]));
    }

    private static void AssertInOrder(List<string> names, params string[] expected)
    {
        var positions = expected.Select(n => names.IndexOf(n)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex Slug();
}
