namespace VillageCraftPortal.Commerce.Catalogue;

/// <summary>
/// An OCOP product of one village's centre, with Vietnamese and English text. Its variants carry SKU, price and
/// stock. Perishable products (bánh chưng) are delivered only in Hà Nội or picked up.
/// </summary>
public sealed class Product
{
    public int Id { get; set; }

    /// <summary>A readable, stable key from the seed content (e.g. "bat-trang-blue-white-tea-set").</summary>
    public required string Alias { get; set; }

    /// <summary>The village whose centre sells it ("bat-trang"): scopes staff access and splits fulfilment.</summary>
    public required string VillageCode { get; set; }

    public required string Category { get; set; }

    public required string NameVi { get; set; }

    public required string NameEn { get; set; }

    public string? DescriptionVi { get; set; }

    public string? DescriptionEn { get; set; }

    public string? MaterialsVi { get; set; }

    public string? MaterialsEn { get; set; }

    public string? CareVi { get; set; }

    public string? CareEn { get; set; }

    /// <summary>Free text such as "Ø 18 cm × 9 cm".</summary>
    public string? Dimensions { get; set; }

    public int WeightGrams { get; set; }

    public bool Perishable { get; set; }

    /// <summary>Media keys of the product's images, first is the main one.</summary>
    public List<string> ImageKeys { get; set; } = [];

    public int? OcopStars { get; set; }

    public string? OcopCertificateNumber { get; set; }

    public DateOnly? OcopIssuedOn { get; set; }

    public DateOnly? OcopExpiresOn { get; set; }

    /// <summary>Seed products are illustrative: the shop says so on their pages.</summary>
    public bool Illustrative { get; set; }

    /// <summary>The public pages its facts come from, in their order.</summary>
    public List<ProductSource> Sources { get; set; } = [];

    /// <summary>
    /// Facts no source confirms, by field name (e.g. "ocop"): shown as unverified, never as fact. OCOP stars without a
    /// certificate are kept in <see cref="OcopStars"/> but make no <see cref="Ocop"/>, so no standing is shown for them.
    /// </summary>
    public List<string> Unverified { get; set; } = [];

    /// <summary>A short editorial note shown with the sources.</summary>
    public string? NotesVi { get; set; }

    public string? NotesEn { get; set; }

    public bool IsListed { get; set; } = true;

    /// <summary>Counts staff saves: a save from an older revision is refused rather than overwriting someone's change.</summary>
    public int Revision { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<ProductVariant> Variants { get; set; } = [];

    public OcopCertificate? Ocop => OcopStars is { } stars && OcopCertificateNumber is { } number && OcopIssuedOn is { } issued && OcopExpiresOn is { } expires
        ? new OcopCertificate(stars, number, issued.Year, issued, expires)
        : null;

    public OcopStanding OcopStandingOn(DateOnly today) => Ocop?.StandingOn(today) ?? OcopStanding.None;

    public string Name(string culture) => culture == "en" ? NameEn : NameVi;
}
