namespace VillageCraftPortal.Commerce.Shipping;

public enum ProvinceKind
{
    /// <summary>A centrally-run city (thành phố trực thuộc trung ương).</summary>
    City,
    Province,
}

/// <summary>A provincial-level unit of Việt Nam as it stands since the 2025 arrangement.</summary>
/// <param name="Code">Our stable ASCII slug, e.g. "ha-noi".</param>
/// <param name="NameVi">The Vietnamese name with diacritics, e.g. "Hà Nội".</param>
/// <param name="NameEn">The English name, e.g. "Hanoi".</param>
public sealed record Province(string Code, string NameVi, string NameEn, ProvinceKind Kind, string Source);

/// <summary>Where the list comes from: the resolution and the public pages it was checked against.</summary>
public sealed record ProvincesSource(string Resolution, DateOnly AdoptedAndInForce, DateOnly NewUnitsOperateFrom, IReadOnlyList<string> Urls);
