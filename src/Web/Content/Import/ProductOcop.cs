using VillageCraftPortal.Commerce.Catalogue;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VillageCraftPortal.Web.Content.Import;

/// <summary>
/// A product's ocop: block. Stars without a certificate (certificate: null) are kept but make no
/// <see cref="OcopCertificate"/>, and must be listed under unverified:; an illustrative product cannot cite a
/// certificate number, as it would be invented.
/// </summary>
internal static class ProductOcop
{
    private static readonly string[] Fields = ["stars", "certificate", "issuedOn", "expiresOn"];

    public static void Read(YamlContext yaml, YamlMappingNode front, Product product)
    {
        if (YamlContext.Get(front, ProductFrontMatter.Ocop) is not { } node)
        {
            return;
        }

        var ocop = yaml.Mapping(node, ProductFrontMatter.Ocop);
        yaml.RefuseUnknown(ocop, Fields, "an ocop field");
        var starsNode = YamlContext.Get(ocop, "stars") ?? throw yaml.Error(node, "ocop needs stars: (3, 4 or 5)");
        var stars = yaml.WholeNumber(starsNode, "stars");
        if (!OcopCertificate.IsValidStars((int)Math.Clamp(stars, int.MinValue, int.MaxValue)))
        {
            throw yaml.Error(starsNode, $"OCOP stars must be 3, 4 or 5 (not {stars})");
        }

        product.OcopStars = (int)stars;
        var certificateNode = YamlContext.Get(ocop, "certificate");
        if (certificateNode is null || IsNull(certificateNode))
        {
            // Stars without a certificate make no OcopCertificate: the shop shows them only as unverified.
            if ((YamlContext.Get(ocop, "issuedOn") ?? YamlContext.Get(ocop, "expiresOn")) is { } date)
            {
                throw yaml.Error(date, "an OCOP date needs a certificate number; leave the dates out with certificate: null");
            }

            if (!product.Unverified.Contains(ProductFrontMatter.Ocop))
            {
                throw yaml.Error(node, "OCOP stars without a certificate must be listed under unverified: (add 'ocop')");
            }

            return;
        }

        if (product.Illustrative)
        {
            throw yaml.Error(certificateNode, "an illustrative product cannot cite a certificate number: give certificate: null and list ocop under unverified:");
        }

        var number = yaml.Scalar(certificateNode, "certificate").Trim();
        if (number.Length is 0 or > 80)
        {
            throw yaml.Error(certificateNode, "certificate must be the certificate's number, up to 80 characters");
        }

        var issuedOn = yaml.Date(YamlContext.Get(ocop, "issuedOn") ?? throw yaml.Error(node, "an OCOP certificate needs issuedOn: (YYYY-MM-DD)"), "issuedOn");
        var certificate = OcopCertificate.Issue((int)stars, number, issuedOn);
        var expiresOn = YamlContext.Get(ocop, "expiresOn") is { } expiresNode ? yaml.Date(expiresNode, "expiresOn") : certificate.ExpiresOn;
        if (expiresOn <= issuedOn)
        {
            throw yaml.Error(YamlContext.Get(ocop, "expiresOn")!, "expiresOn must be after issuedOn");
        }

        (product.OcopCertificateNumber, product.OcopIssuedOn, product.OcopExpiresOn) = (number, issuedOn, expiresOn);
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };
}
