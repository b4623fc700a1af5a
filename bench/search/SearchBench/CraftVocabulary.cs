using VillageCraftPortal.Commerce.Catalogue;

namespace VillageCraftPortal.Bench.Search;

/// <summary>A Vietnamese word or phrase with its English counterpart.</summary>
internal readonly record struct Words(string Vi, string En);

/// <summary>
/// One craft: what its villages are called, and the pieces product names and descriptions are made of.
/// A product name is "{noun} {kind} {finish}" in Vietnamese ("Bình gốm men lam vẽ hoa sen") and
/// "{kind} {noun} {finish}" in English ("Blue-glaze ceramic vase painted with lotus").
/// </summary>
internal sealed record Craft(
    string Category,
    Words Trade,
    Words[] Nouns,
    Words[] Kinds,
    Words[] Finishes,
    Words Materials,
    Words[] Lines);

internal static class CraftVocabulary
{
    private static readonly Words[] Motifs =
    [
        new("vẽ hoa sen", "painted with lotus"), new("vẽ hoa đào", "with peach blossom"), new("hình rồng phượng", "with dragon and phoenix"),
        new("họa tiết trống đồng", "with bronze-drum pattern"), new("hình chim lạc", "with Lạc birds"), new("cảnh làng quê", "with village scenes"),
        new("hình cá chép", "with carp"), new("hoa cúc", "with chrysanthemums"), new("tùng hạc", "with pine and crane"), new("mai lan cúc trúc", "with the four seasons"),
    ];

    public static readonly Craft[] All =
    [
        new(ProductCategory.Ceramics, new("gốm", "pottery"),
            [new("Bình", "vase"), new("Lọ hoa", "flower vase"), new("Đĩa", "plate"), new("Bát", "bowl"), new("Ấm chén", "tea set"), new("Chum", "jar"), new("Cốc", "mug"), new("Đèn", "lamp"), new("Lư hương", "incense burner"), new("Chậu cây", "plant pot")],
            [new("gốm men lam", "blue-glaze ceramic"), new("gốm men rạn", "crackle-glaze ceramic"), new("gốm men nâu", "brown-glaze stoneware"), new("sứ trắng", "white porcelain"), new("gốm men ngọc", "celadon"), new("gốm đất nung", "terracotta")],
            Motifs, new("đất sét trắng, men tro, men lam", "white clay, ash glaze, cobalt blue"),
            [new("Men được nung ở nhiệt độ một nghìn ba trăm độ trong lò ga.", "Fired at thirteen hundred degrees in a gas kiln."),
             new("Cốt gốm dày, men bóng, hoa văn vẽ tay bằng bút lông.", "A thick body, a glossy glaze and patterns painted by hand with a brush."),
             new("Dùng được trong lò vi sóng và máy rửa bát.", "Safe in the microwave and the dishwasher.")]),
        new(ProductCategory.Silk, new("lụa", "silk"),
            [new("Khăn", "scarf"), new("Áo", "blouse"), new("Vải", "fabric"), new("Cà vạt", "tie"), new("Túi", "bag"), new("Gối", "cushion cover"), new("Quạt", "fan")],
            [new("lụa tơ tằm", "mulberry silk"), new("lụa vân", "patterned silk"), new("the", "gauze silk"), new("gấm", "brocade"), new("đũi", "raw silk"), new("lụa nhuộm chàm", "indigo silk")],
            Motifs, new("tơ tằm, thuốc nhuộm tự nhiên", "silk thread, natural dyes"),
            [new("Lụa dệt trên khung cửi truyền thống, mềm mại và thoáng mát.", "Woven on a traditional loom, soft and cool to wear."),
             new("Nhuộm bằng lá cây và vỏ củ nâu, màu bền theo thời gian.", "Dyed with leaves and dye yam, colours that last."),
             new("Giặt tay bằng nước lạnh, phơi nơi thoáng mát.", "Hand wash in cold water and dry in the shade.")]),
        new(ProductCategory.Lacquer, new("sơn mài", "lacquer"),
            [new("Hộp", "box"), new("Tranh", "painting"), new("Khay", "tray"), new("Bát", "bowl"), new("Đĩa", "plate"), new("Lọ", "vase"), new("Bình phong", "screen")],
            [new("sơn mài", "lacquer"), new("sơn ta", "traditional lacquer"), new("sơn mài vỏ trứng", "eggshell lacquer"), new("sơn mài dát vàng", "gold-leaf lacquer"), new("sơn then", "black lacquer")],
            Motifs, new("sơn ta, vỏ trứng, vàng lá, gỗ", "natural lacquer, eggshell, gold leaf, wood"),
            [new("Mỗi lớp sơn được mài nhẵn rồi phủ lớp tiếp theo, hơn mười lớp.", "Each coat is sanded smooth before the next, more than ten coats."),
             new("Sơn ta lấy từ nhựa cây sơn Phú Thọ.", "The lacquer is the sap of Phú Thọ lacquer trees."),
             new("Lau bằng khăn mềm, tránh ánh nắng trực tiếp.", "Wipe with a soft cloth and keep out of direct sun.")]),
        new(ProductCategory.MotherOfPearl, new("khảm trai", "mother-of-pearl inlay"),
            [new("Hộp", "box"), new("Tranh", "picture"), new("Khay", "tray"), new("Tủ", "cabinet"), new("Sập", "daybed"), new("Bộ bàn ghế", "table and chairs")],
            [new("khảm trai", "mother-of-pearl inlaid"), new("khảm ốc", "shell inlaid"), new("khảm xà cừ", "nacre inlaid"), new("gỗ gụ khảm trai", "pearl-inlaid rosewood")],
            Motifs, new("vỏ trai, ốc, xà cừ, gỗ gụ", "mussel shell, snail shell, nacre, rosewood"),
            [new("Vỏ trai được cưa, mài và gắn từng mảnh nhỏ theo hình vẽ.", "The shell is sawn, ground and set piece by piece into the design."),
             new("Ánh xà cừ đổi màu theo góc nhìn.", "The nacre changes colour with the angle of view."),
             new("Gỗ được sấy kỹ để không cong vênh.", "The wood is kiln-dried so that it never warps.")]),
        new(ProductCategory.RattanBamboo, new("mây tre đan", "rattan and bamboo"),
            [new("Giỏ", "basket"), new("Làn", "shopping basket"), new("Khay", "tray"), new("Đèn", "lamp shade"), new("Mũ", "hat"), new("Hộp", "box"), new("Ghế", "chair")],
            [new("mây tre đan", "woven bamboo"), new("mây", "rattan"), new("tre", "bamboo"), new("cói", "sedge"), new("guột", "fern"), new("lục bình", "water hyacinth")],
            Motifs, new("tre, mây, cói, sơn PU không độc hại", "bamboo, rattan, sedge, non-toxic finish"),
            [new("Nan tre được vót và luộc để chống mối mọt.", "The strips are shaved and boiled against woodworm."),
             new("Đan tay theo lối truyền thống, chắc và nhẹ.", "Woven by hand the traditional way, strong and light."),
             new("Để nơi khô ráo, tránh ẩm mốc.", "Keep dry to avoid mould.")]),
        new(ProductCategory.WoodCarving, new("điêu khắc gỗ", "wood carving"),
            [new("Tượng", "figure"), new("Hoành phi", "lacquered board"), new("Câu đối", "parallel sentences"), new("Hộp", "box"), new("Bàn thờ", "altar"), new("Đôn", "stand")],
            [new("gỗ mít", "jackfruit wood"), new("gỗ hương", "padauk"), new("gỗ gụ", "rosewood"), new("gỗ trắc", "dalbergia"), new("gỗ bách xanh", "green cypress")],
            Motifs, new("gỗ mít, gỗ hương, sơn son thếp vàng", "jackfruit wood, padauk, red lacquer and gilding"),
            [new("Chạm khắc hoàn toàn bằng đục tay.", "Carved entirely with hand chisels."),
             new("Thớ gỗ thơm nhẹ, vân đẹp.", "The wood has a light scent and a fine grain."),
             new("Phù hợp cho nhà thờ họ và đình chùa.", "Suited to ancestral halls, communal houses and pagodas.")]),
        new(ProductCategory.Statues, new("tạc tượng", "statue making"),
            [new("Tượng Phật", "Buddha statue"), new("Tượng Quan Âm", "Guanyin statue"), new("Tượng Di Lặc", "Maitreya statue"), new("Tượng Thần Tài", "God of Wealth statue"), new("Tượng linh vật", "mascot statue")],
            [new("gỗ mít", "jackfruit wood"), new("sơn son thếp vàng", "red-lacquered and gilded"), new("gỗ hương", "padauk"), new("đồng", "bronze"), new("gỗ sơn mộc", "plain wood")],
            [new("cao 30 cm", "30 cm tall"), new("cao 60 cm", "60 cm tall"), new("ngồi thiền", "seated in meditation"), new("đứng trên đài sen", "standing on a lotus throne"), new("cỡ nhỏ để bàn", "small, for a desk")],
            new("gỗ mít, sơn ta, vàng quỳ", "jackfruit wood, natural lacquer, gold leaf"),
            [new("Tượng được tạc theo đúng tỷ lệ cổ truyền.", "Carved to the traditional proportions."),
             new("Nghệ nhân Sơn Đồng hoàn thiện từng nét mặt.", "A Sơn Đồng artisan finishes every feature of the face."),
             new("Có thể đặt làm theo kích thước riêng.", "Can be made to your own size.")]),
        new(ProductCategory.AoDaiApparel, new("may áo dài", "áo dài tailoring"),
            [new("Áo dài", "áo dài"), new("Áo dài cưới", "wedding áo dài"), new("Áo dài cách tân", "modern áo dài"), new("Khăn vấn", "turban"), new("Áo tứ thân", "four-panel dress")],
            [new("lụa tơ tằm", "silk"), new("gấm", "brocade"), new("nhung", "velvet"), new("voan", "chiffon"), new("lụa thêu tay", "hand-embroidered silk")],
            Motifs, new("lụa, gấm, chỉ thêu", "silk, brocade, embroidery thread"),
            [new("May đo theo số đo của từng khách tại làng Trạch Xá.", "Tailored to each customer's measurements in Trạch Xá."),
             new("Đường may tỉ mỉ, tà áo mềm mại.", "Fine seams and flowing panels."),
             new("Giao hàng toàn quốc trong bảy ngày.", "Delivered nationwide within seven days.")]),
        new(ProductCategory.Food, new("làm bánh", "food making"),
            [new("Bánh chưng", "sticky rice cake"), new("Bánh cốm", "young-rice cake"), new("Chè lam", "ginger rice candy"), new("Mứt sen", "candied lotus seeds"), new("Trà sen", "lotus tea"), new("Giò lụa", "pork roll")],
            [new("nhân đậu xanh", "mung-bean"), new("hữu cơ", "organic"), new("truyền thống", "traditional"), new("đặc sản", "speciality"), new("thủ công", "handmade")],
            [new("gói lá dong", "wrapped in dong leaves"), new("hộp quà Tết", "in a Tết gift box"), new("túi 500 g", "500 g bag"), new("hộp gỗ", "in a wooden box")],
            new("gạo nếp, đậu xanh, thịt lợn, lá dong", "glutinous rice, mung beans, pork, dong leaves"),
            [new("Nấu bằng củi suốt mười tiếng theo công thức gia truyền.", "Boiled over a wood fire for ten hours to a family recipe."),
             new("Không chất bảo quản, dùng trong năm ngày.", "No preservatives; eat within five days."),
             new("Đạt chứng nhận an toàn thực phẩm.", "Certified for food safety.")]),
    ];

    /// <summary>The craft of each of the ten villages, by its code, as the portal has them.</summary>
    public static readonly (string Code, string Place, string Category)[] TenVillages =
    [
        ("bat-trang", "Bát Tràng", ProductCategory.Ceramics), ("kim-lan", "Kim Lan", ProductCategory.Ceramics),
        ("van-phuc", "Vạn Phúc", ProductCategory.Silk), ("ha-thai", "Hạ Thái", ProductCategory.Lacquer),
        ("chuyen-my", "Chuyên Mỹ", ProductCategory.MotherOfPearl), ("phu-vinh", "Phú Vinh", ProductCategory.RattanBamboo),
        ("tranh-khuc", "Tranh Khúc", ProductCategory.Food), ("son-dong", "Sơn Đồng", ProductCategory.Statues),
        ("thiet-ung", "Thiết Úng", ProductCategory.WoodCarving), ("trach-xa", "Trạch Xá", ProductCategory.AoDaiApparel),
    ];

    /// <summary>Real craft-village names, then the syllables other names are made of.</summary>
    public static readonly string[] KnownPlaces =
    [
        "Phù Lãng", "Thổ Hà", "Chu Đậu", "Đông Hồ", "Đồng Kỵ", "Mỹ Đồng", "Ninh Sở", "Quất Động", "Nhị Khê", "Hương Canh",
        "Vân Hà", "Đa Sỹ", "Phú Lãng", "Ước Lễ", "Phùng Xá", "Xuân La", "Lưu Thượng", "Cự Đà", "Thanh Hà", "Hương Ngải",
    ];

    public static readonly string[] FirstSyllables =
    [
        "Phù", "Bát", "Vạn", "Hạ", "Đông", "Phú", "Kim", "Sơn", "Thổ", "Nhị", "Hương", "Xuân", "Mỹ", "Tân", "An", "Bình", "Thượng",
        "Quảng", "Đại", "Thanh", "Hòa", "Lạc", "Yên", "Cát", "Đình", "Vân", "Ngọc", "Trung", "Văn", "Liên", "Minh", "Phúc", "Long",
        "Thụy", "Hoài", "Tiên", "Cổ", "Hữu", "Quỳnh", "Đức",
    ];

    public static readonly string[] SecondSyllables =
    [
        "Lãng", "Tràng", "Phúc", "Thái", "Hồ", "Vinh", "Lan", "Đồng", "Hà", "Khê", "Canh", "La", "Mỹ", "Lập", "Lộc", "Xá", "Khúc",
        "Kỵ", "Sở", "Động", "Ninh", "Bằng", "Thọ", "Hưng", "Điền", "Nghĩa", "Trạch", "Chuông", "Lũng", "Yên", "Thành", "Quang",
        "Đài", "Hòa", "Lạc",
    ];

    public static readonly string[] Districts =
    [
        "Gia Lâm", "Thanh Oai", "Phú Xuyên", "Chương Mỹ", "Thường Tín", "Quốc Oai", "Hoài Đức", "Ứng Hòa", "Mỹ Đức", "Sóc Sơn",
        "Đông Anh", "Thạch Thất", "Phúc Thọ", "Thuận Thành", "Việt Yên", "Kinh Môn",
    ];

    public static readonly string[] Provinces =
    [
        "Hà Nội", "Bắc Ninh", "Hải Dương", "Hưng Yên", "Nam Định", "Thái Bình", "Bắc Giang", "Vĩnh Phúc", "Ninh Bình", "Hà Nam",
        "Phú Thọ", "Thanh Hóa", "Nghệ An", "Quảng Nam", "Thừa Thiên Huế",
    ];

    public static Craft Of(string category) => All.First(c => c.Category == category);
}
