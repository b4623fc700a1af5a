namespace VillageCraftPortal.Web.Content.Values;

/// <summary>One of the four zones a design centre must have under Decision 6385/QĐ-UBND.</summary>
public sealed record CentreZone(string Zone, LocalizedText Description)
{
    public const string DisplaySales = "display-sales";
    public const string Meetings = "meetings";
    public const string DemonstrationExperience = "demonstration-experience";
    public const string ProductPhotography = "product-photography";

    public static readonly IReadOnlyList<string> Required =
        [DisplaySales, Meetings, DemonstrationExperience, ProductPhotography];
}
