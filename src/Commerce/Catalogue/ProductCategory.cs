namespace VillageCraftPortal.Commerce.Catalogue;

/// <summary>The shop's categories, one per craft of the ten villages (stored by their code).</summary>
public static class ProductCategory
{
    public const string Ceramics = "ceramics";
    public const string Silk = "silk";
    public const string Lacquer = "lacquer";
    public const string MotherOfPearl = "mother-of-pearl";
    public const string RattanBamboo = "rattan-bamboo";
    public const string WoodCarving = "wood-carving";
    public const string Statues = "statues";
    public const string AoDaiApparel = "ao-dai-apparel";
    public const string Food = "food";

    public static readonly IReadOnlyList<string> All =
        [Ceramics, Silk, Lacquer, MotherOfPearl, RattanBamboo, WoodCarving, Statues, AoDaiApparel, Food];

    public static bool IsKnown(string code) => All.Contains(code);
}
