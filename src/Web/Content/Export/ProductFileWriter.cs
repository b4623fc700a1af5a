using System.Text.Json;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Web.Content.Import;
using VillageCraftPortal.Web.Content.Values;
using YamlDotNet.RepresentationModel;
using static VillageCraftPortal.Web.Content.Export.YamlText;

namespace VillageCraftPortal.Web.Content.Export;

/// <summary>
/// The reverse of the importer's ProductFrontMatter: a product as &lt;village&gt;/products/&lt;key&gt;.md, with the
/// variants' current stock as their opening stock.
/// </summary>
internal static class ProductFileWriter
{
    public static string FileOf(Product product) => $"{product.VillageCode}/{SeedProductReader.Folder}/{product.Alias}.md";

    public static string FileText(Product product) => "---\n" + Write(FrontMatter(product)) + "---\n";

    /// <summary>Every value an import reads back, in a stable form: the export is checked against it.</summary>
    public static string Fingerprint(Product p) => JsonSerializer.Serialize(new
    {
        p.Alias,
        p.VillageCode,
        p.Category,
        p.NameVi,
        p.NameEn,
        p.DescriptionVi,
        p.DescriptionEn,
        p.MaterialsVi,
        p.MaterialsEn,
        p.CareVi,
        p.CareEn,
        p.Dimensions,
        p.WeightGrams,
        p.Perishable,
        p.ImageKeys,
        p.OcopStars,
        p.OcopCertificateNumber,
        p.OcopIssuedOn,
        p.OcopExpiresOn,
        p.Illustrative,
        p.Unverified,
        p.NotesVi,
        p.NotesEn,
        Sources = p.Sources.OrderBy(s => s.SortOrder).Select(s => new { s.Title, s.Publisher, s.Url, s.PublishedOn }),
        Variants = p.Variants.OrderBy(v => v.SortOrder).Select(v => new
        {
            v.Sku,
            v.Size,
            v.SizeEn,
            v.Colour,
            v.ColourEn,
            v.Pattern,
            v.PatternEn,
            v.Price,
            v.CompareAtPrice,
            v.Available,
        }),
    });

    private static YamlMappingNode FrontMatter(Product product)
    {
        var front = new YamlMappingNode { { "key", YamlText.Text(product.Alias) }, { "category", YamlText.Text(product.Category) } };
        front.Add("name", Texts(product.NameVi, product.NameEn)!);
        AddTexts(front, "description", product.DescriptionVi, product.DescriptionEn);
        AddTexts(front, "materials", product.MaterialsVi, product.MaterialsEn);
        AddTexts(front, "care", product.CareVi, product.CareEn);
        if (product.Dimensions is { } dimensions)
        {
            front.Add("dimensions", YamlText.Text(dimensions));
        }

        front.Add("weightGrams", Number(product.WeightGrams));
        front.Add("perishable", Boolean(product.Perishable));
        front.Add("images", Sequence(product.ImageKeys.Select(k => YamlText.Text(k)), flow: true));
        if (Ocop(product) is { } ocop)
        {
            front.Add(ProductFrontMatter.Ocop, ocop);
        }

        front.Add("variants", Sequence(product.Variants.OrderBy(v => v.SortOrder).Select(Variant), flow: false));
        front.Add("illustrative", Boolean(product.Illustrative));
        front.Add("sources", Sequence(product.Sources.OrderBy(s => s.SortOrder).Select(s => FrontMatterWriter.Source(new SourceRef(s.Title, s.Publisher, s.Url, s.PublishedOn))), flow: false));
        if (product.Unverified.Count > 0)
        {
            front.Add("unverified", Sequence(product.Unverified.Select(u => YamlText.Text(u)), flow: true));
        }

        AddTexts(front, "notes", product.NotesVi, product.NotesEn);
        return front;
    }

    private static YamlMappingNode? Ocop(Product product)
    {
        if (product.OcopStars is not { } stars)
        {
            return null;
        }

        var ocop = new YamlMappingNode { { "stars", Number(stars) } }.Flow();
        if (product.OcopCertificateNumber is not { } number)
        {
            ocop.Add("certificate", Plain("null"));
            return ocop;
        }

        ocop.Add("certificate", YamlText.Text(number));
        if (product.OcopIssuedOn is { } issuedOn)
        {
            ocop.Add("issuedOn", Date(issuedOn));
        }

        if (product.OcopExpiresOn is { } expiresOn)
        {
            ocop.Add("expiresOn", Date(expiresOn));
        }

        return ocop;
    }

    private static YamlNode Variant(ProductVariant variant)
    {
        var mapping = new YamlMappingNode { { "sku", YamlText.Text(variant.Sku) } };
        AddOption(mapping, "size", variant.Size, variant.SizeEn);
        AddOption(mapping, "colour", variant.Colour, variant.ColourEn);
        AddOption(mapping, "pattern", variant.Pattern, variant.PatternEn);
        mapping.Add("price", Number(variant.Price));
        if (variant.CompareAtPrice is { } compareAt)
        {
            mapping.Add("compareAt", Number(compareAt));
        }

        mapping.Add("stock", Number(variant.Available));
        return mapping;
    }

    private static void AddOption(YamlMappingNode mapping, string key, string? vi, string? en)
    {
        if (Texts(vi, en, flow: true) is { } node)
        {
            mapping.Add(key, node);
        }
    }

    private static void AddTexts(YamlMappingNode mapping, string key, string? vi, string? en)
    {
        if (Texts(vi, en) is { } node)
        {
            mapping.Add(key, node);
        }
    }

    /// <summary>{ vi, en }, or a plain value when there is only Vietnamese (as the importer reads it).</summary>
    private static YamlNode? Texts(string? vi, string? en, bool flow = false)
    {
        var text = new LocalizedText();
        if (vi is not null)
        {
            text[Cultures.Vietnamese] = vi;
        }

        if (en is not null)
        {
            text[Cultures.English] = en;
        }

        return text.Count == 0 ? null : Localized(text, flow);
    }
}
