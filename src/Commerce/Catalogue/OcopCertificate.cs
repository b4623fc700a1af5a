namespace VillageCraftPortal.Commerce.Catalogue;

public enum OcopStanding
{
    /// <summary>No OCOP certificate recorded.</summary>
    None,
    Valid,

    /// <summary>Shown as "expired", never as stars.</summary>
    Expired,
}

/// <summary>
/// An OCOP rating (3, 4 or 5 stars) with its certificate. Certificates are valid for 36 months from issue
/// under the OCOP programme's rules; the expiry is stored as issued, so a different date on a certificate is kept.
/// </summary>
public sealed record OcopCertificate(int Stars, string Number, int Year, DateOnly IssuedOn, DateOnly ExpiresOn)
{
    public const int ValidityMonths = 36;

    public static OcopCertificate Issue(int stars, string number, DateOnly issuedOn) =>
        new(stars, number, issuedOn.Year, issuedOn, issuedOn.AddMonths(ValidityMonths));

    public static bool IsValidStars(int stars) => stars is >= 3 and <= 5;

    /// <summary>Valid through its expiry date (Hà Nội calendar day), expired from the day after.</summary>
    public OcopStanding StandingOn(DateOnly today) => today <= ExpiresOn ? OcopStanding.Valid : OcopStanding.Expired;
}
