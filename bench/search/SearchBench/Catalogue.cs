using System.Globalization;
using System.Text;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Features.Shop;
using VillageCraftPortal.Web.Search;

namespace VillageCraftPortal.Bench.Search;

/// <summary>A generated village: its code, its place name and its craft.</summary>
internal sealed record BenchVillage(string Code, string Place, Craft Craft);

/// <summary>
/// The synthetic catalogue: villages (the ten real ones first) and products spread over them, the first villages
/// having the most, as real shops do. The same seed always gives the same documents.
/// </summary>
internal sealed class Catalogue
{
    private static readonly DateTime Today = new(2026, 11, 28, 0, 0, 0, DateTimeKind.Utc);

    private static readonly Dictionary<string, Words> CategoryLabels = new(StringComparer.Ordinal)
    {
        ["ceramics"] = new("Gốm sứ", "Ceramics"),
        ["silk"] = new("Lụa", "Silk"),
        ["lacquer"] = new("Sơn mài", "Lacquer"),
        ["mother-of-pearl"] = new("Khảm trai", "Mother-of-pearl inlay"),
        ["rattan-bamboo"] = new("Mây tre đan", "Rattan and bamboo"),
        ["wood-carving"] = new("Điêu khắc gỗ", "Wood carving"),
        ["statues"] = new("Tượng", "Statues"),
        ["ao-dai-apparel"] = new("Áo dài và may mặc", "Áo dài and apparel"),
        ["food"] = new("Thực phẩm", "Food"),
    };

    private static readonly Words[] Common =
    [
        new("Mỗi sản phẩm đều khác nhau đôi chút vì được làm hoàn toàn bằng tay.", "Each piece differs a little, being made entirely by hand."),
        new("Thích hợp làm quà tặng, trang trí phòng khách hoặc bàn thờ gia tiên.", "A fine gift, or to decorate a living room or an ancestral altar."),
        new("Sản phẩm đạt chứng nhận OCOP của thành phố Hà Nội.", "The product holds Hà Nội's OCOP certification."),
        new("Đóng gói cẩn thận, giao hàng toàn quốc.", "Carefully packed and delivered nationwide."),
        new("Bảo hành một năm, đổi trả trong bảy ngày.", "One year's guarantee; returns within seven days."),
    ];

    private static readonly Words[][] Variants =
    [
        [new("Cỡ nhỏ", "Small"), new("Cỡ vừa", "Medium"), new("Cỡ lớn", "Large")],
        [new("Màu xanh", "Blue"), new("Màu đỏ", "Red"), new("Màu trắng", "White")],
        [new("Một chiếc", "Single"), new("Bộ đôi", "Pair"), new("Bộ sáu", "Set of six")],
    ];

    private static readonly string[] CenturiesVi = ["XII", "XIII", "XIV", "XV", "XVI", "XVII"];
    private static readonly string[] CenturiesEn = ["12th", "13th", "14th", "15th", "16th", "17th"];

    private readonly Random _random;

    private Catalogue(int seed) => _random = new Random(seed);

    public List<SearchDocument> Documents { get; } = [];

    public List<BenchVillage> Villages { get; } = [];

    public static Catalogue Generate(int villages, int products, int seed)
    {
        var catalogue = new Catalogue(seed);
        catalogue.AddVillages(villages);
        for (var id = 1; id <= products; id++)
        {
            // Skewed towards the first villages: the ten real ones hold about 4 % of all products.
            var village = catalogue.Villages[(int)(villages * Math.Pow(catalogue._random.NextDouble(), 2))];
            catalogue.Documents.Add(catalogue.Product(id, village));
        }

        return catalogue;
    }

    private void AddVillages(int count)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, place, category) in CraftVocabulary.TenVillages)
        {
            codes.Add(code);
            Villages.Add(new BenchVillage(code, place, CraftVocabulary.Of(category)));
        }

        while (Villages.Count < count)
        {
            var place = Villages.Count < 10 + CraftVocabulary.KnownPlaces.Length
                ? CraftVocabulary.KnownPlaces[Villages.Count - 10]
                : Pick(CraftVocabulary.FirstSyllables) + " " + Pick(CraftVocabulary.SecondSyllables);
            var craft = Pick(CraftVocabulary.All);
            var code = Slug(place);
            for (var n = 2; !codes.Add(code); n++)
            {
                code = Slug(place) + "-" + n.ToString(CultureInfo.InvariantCulture);
            }

            Villages.Add(new BenchVillage(code, place, craft));
        }

        for (var i = 0; i < Villages.Count; i++)
        {
            Documents.Add(Village(i + 1, Villages[i]));
        }
    }

    private SearchDocument Village(int id, BenchVillage village)
    {
        var trade = village.Craft.Trade;
        var (district, province) = (Pick(CraftVocabulary.Districts), Pick(CraftVocabulary.Provinces));
        var century = _random.Next(CenturiesVi.Length);
        var households = _random.Next(40, 1200);
        var month = _random.Next(1, 13);
        var line = Pick(village.Craft.Lines);
        var nameVi = $"Làng {trade.Vi} {village.Place}";
        var nameEn = $"{village.Place} {trade.En} village";
        var vi = $"{nameVi} thuộc xã {village.Place}, huyện {district}, tỉnh {province}. Nghề {trade.Vi} ở đây có từ thế kỷ {CenturiesVi[century]}, "
            + $"truyền qua nhiều thế hệ nghệ nhân. Ngày nay làng có khoảng {households} hộ làm nghề. {line.Vi} Du khách có thể tham quan xưởng, "
            + $"tự tay làm sản phẩm và mua quà tại trung tâm thiết kế sáng tạo. Lễ hội làng diễn ra vào tháng {month} âm lịch.";
        var en = $"{nameEn} lies in {village.Place} commune, {district} district, {province} province. Its {trade.En} goes back to the "
            + $"{CenturiesEn[century]} century, handed down through generations of artisans. Today about {households} households work in the craft. "
            + $"{line.En} Visitors can tour the workshops, make something with their own hands and buy gifts at the creative design centre. "
            + $"The village festival falls in lunar month {month}.";
        var texts = new Dictionary<string, SearchText>(StringComparer.Ordinal)
        {
            [Cultures.Vietnamese] = new(nameVi, vi, $"/vi/lang-nghe/{village.Code}"),
            [Cultures.English] = new(nameEn, en, $"/en/villages/{village.Code}"),
        };
        return new SearchDocument(
            Invariant($"content:{id}"), SearchType.Village, texts, ImageKey(), village.Code, null,
            SearchDocument.NoValue, SearchDocument.NoValue, SearchDocument.NoValue, Today.AddDays(-_random.Next(2000)), 1.6f);
    }

    private SearchDocument Product(int id, BenchVillage village)
    {
        var craft = _random.NextDouble() < 0.8 ? village.Craft : Pick(CraftVocabulary.All);
        var (noun, kind, finish) = (Pick(craft.Nouns), Pick(craft.Kinds), Pick(craft.Finishes));
        var withPlace = _random.NextDouble() < 0.3;
        var nameVi = $"{noun.Vi} {kind.Vi} {finish.Vi}" + (withPlace ? " " + village.Place : string.Empty);
        var nameEn = Capitalise($"{kind.En} {noun.En} {finish.En}") + (withPlace ? " from " + village.Place : string.Empty);
        var alias = Slug(nameVi) + "-" + id.ToString(CultureInfo.InvariantCulture);
        var lines = craft.Lines.OrderBy(_ => _random.Next()).Take(2).Concat(Common.OrderBy(_ => _random.Next()).Take(2)).ToList();
        var size = _random.Next(8, 120);
        var variants = Pick(Variants).Take(_random.Next(1, 4)).ToList();
        var label = CategoryLabels[craft.Category];
        var vi = new StringBuilder()
            .Append(nameVi).Append(" do nghệ nhân làng ").Append(village.Place).Append(" làm thủ công. ")
            .AppendJoin(' ', lines.Select(l => l.Vi)).Append(Invariant($" Kích thước khoảng {size} cm.")).AppendLine()
            .Append("Chất liệu: ").AppendLine(craft.Materials.Vi)
            .AppendLine(label.Vi)
            .Append("Làng ").Append(craft.Trade.Vi).Append(' ').AppendLine(village.Place)
            .AppendJoin(' ', variants.Select(v => v.Vi)).ToString();
        var en = new StringBuilder()
            .Append(nameEn).Append(", made by hand by artisans of ").Append(village.Place).Append(". ")
            .AppendJoin(' ', lines.Select(l => l.En)).Append(Invariant($" About {size} cm.")).AppendLine()
            .Append("Materials: ").AppendLine(craft.Materials.En)
            .AppendLine(label.En)
            .Append(village.Place).Append(' ').Append(craft.Trade.En).AppendLine(" village")
            .AppendJoin(' ', variants.Select(v => v.En)).ToString();
        var texts = new Dictionary<string, SearchText>(StringComparer.Ordinal)
        {
            [Cultures.Vietnamese] = new(nameVi, vi, ShopPaths.Product(Cultures.Vietnamese, alias)),
            [Cultures.English] = new(nameEn, en, ShopPaths.Product(Cultures.English, alias)),
        };
        var stars = _random.NextDouble() < 0.3 ? _random.Next(3, 6) : SearchDocument.NoValue;
        var price = (long)Math.Round(50_000 * Math.Pow(400, _random.NextDouble()) / 1000) * 1000; // 50,000–20,000,000 đồng
        var inStock = _random.NextDouble() < 0.85 ? 1 : 0;
        return new SearchDocument(
            Invariant($"product:{id}"), SearchType.Product, texts, ImageKey(), village.Code, craft.Category,
            stars, price, inStock, Today.AddDays(-_random.Next(1100)).AddMinutes(_random.Next(1440)));
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private string ImageKey()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Lower-case ASCII words joined by hyphens: "Bình gốm Phù Lãng" → "binh-gom-phu-lang".</summary>
    public static string Slug(string text) => string.Join('-', Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(w => new string([.. w.Where(char.IsAsciiLetterOrDigit)])).Where(w => w.Length > 0));

    /// <summary>Lower case without diacritics, as someone types without a Vietnamese keyboard.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        return new string([.. decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)])
            .ToLowerInvariant();
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
