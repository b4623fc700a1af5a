using System.Globalization;
using System.Text.RegularExpressions;
using VillageCraftPortal.Commerce.Catalogue;
using YamlDotNet.RepresentationModel;

namespace VillageCraftPortal.Web.Content.Import;

/// <summary>
/// Reads one product file's front matter into a <see cref="Product"/>, refusing anything the shop could not show
/// honestly: see "Products" in umbraco-content/README.md. <paramref name="keys"/> and <paramref name="skus"/> hold
/// the keys and SKUs read so far (with their files), so a second use is refused where it is written.
/// </summary>
internal sealed partial class ProductFrontMatter(DocumentFile file, IReadOnlySet<string> media, Dictionary<string, string> keys, Dictionary<string, string> skus)
{
    public const string Ocop = "ocop";

    public static readonly IReadOnlyList<string> Fields =
    [
        "key", "category", "name", "description", "materials", "care", "dimensions", "weightGrams", "perishable", "images",
        Ocop, "variants", "illustrative", "sources", "unverified", "notes",
    ];

    public static readonly IReadOnlyList<string> VariantFields = ["sku", "size", "colour", "pattern", "price", "compareAt", "stock"];

    private YamlContext Yaml => file.Yaml;

    public Product Read(string village)
    {
        var front = file.FrontMatter;
        Yaml.RefuseUnknown(front, Fields, "a product field");
        if (file.Sections.SelectMany(s => s.Lines).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l.Text)) is { Number: > 0 } stray)
        {
            throw new ImportException(new ImportError(file.File, stray.Number, "a product file has no body: write its text in the front matter (description: { vi: ..., en: ... })"));
        }

        var key = Key(front);
        var category = Text(front, "category", 40, required: true)!;
        if (!ProductCategory.IsKnown(category))
        {
            throw Yaml.Error(Node(front, "category"), $"unknown category '{category}' ({string.Join(", ", ProductCategory.All)})");
        }

        var name = Both(front, "name", 200);
        var description = Localized(front, "description", 8000);
        var materials = Localized(front, "materials", 500);
        var care = Localized(front, "care", 1000);
        var notes = Localized(front, "notes", 2000);
        var unverified = Unverified(front);
        var product = new Product
        {
            Alias = key,
            VillageCode = village,
            Category = category,
            NameVi = name.Vi!,
            NameEn = name.En!,
            DescriptionVi = description.Vi,
            DescriptionEn = description.En,
            MaterialsVi = materials.Vi,
            MaterialsEn = materials.En,
            CareVi = care.Vi,
            CareEn = care.En,
            Dimensions = Text(front, "dimensions", 200, required: false),
            WeightGrams = (int)Whole(Required(front, "weightGrams"), "weightGrams", 1, 1_000_000),
            Perishable = YamlContext.Get(front, "perishable") is { } perishable && Yaml.Boolean(perishable, "perishable"),
            Illustrative = Yaml.Boolean(Required(front, "illustrative"), "illustrative"),
            ImageKeys = Images(front),
            Unverified = unverified,
            NotesVi = notes.Vi,
            NotesEn = notes.En,
            Sources = Sources(front),
        };
        ProductOcop.Read(Yaml, front, product);
        product.Variants = [.. Yaml.Sequence(Required(front, "variants"), "variants").Children.Select((node, index) => Variant(node, index))];
        if (product.Variants.Count == 0)
        {
            throw Yaml.Error(Node(front, "variants"), "variants: needs at least one variant (sku, price, stock)");
        }

        return product;
    }

    private string Key(YamlMappingNode front)
    {
        var key = Text(front, "key", 120, required: true)!;
        if (!Slugs.IsValid(key))
        {
            throw Yaml.Error(Node(front, "key"), $"key '{key}' must be lower-case letters, digits and hyphens");
        }

        if (!keys.TryAdd(key, file.File))
        {
            throw Yaml.Error(Node(front, "key"), $"key '{key}' is also used by {keys[key]}");
        }

        return key;
    }

    private ProductVariant Variant(YamlNode node, int index)
    {
        var mapping = Yaml.Mapping(node, "a variant");
        Yaml.RefuseUnknown(mapping, VariantFields, "a variant field");
        var skuNode = YamlContext.Get(mapping, "sku") ?? throw Yaml.Error(node, "a variant needs sku:");
        var sku = Yaml.Scalar(skuNode, "sku");
        if (sku.Length > 64 || !SkuPattern().IsMatch(sku))
        {
            throw Yaml.Error(skuNode, $"sku '{sku}' must be upper-case letters and digits in groups joined by hyphens (BT-TEA-01-S), up to 64 characters");
        }

        if (!skus.TryAdd(sku, file.File))
        {
            throw Yaml.Error(skuNode, $"duplicate SKU '{sku}': it is also used by {skus[sku]}");
        }

        var priceNode = YamlContext.Get(mapping, "price") ?? throw Yaml.Error(node, $"variant {sku} needs price: (whole đồng, VAT included)");
        var price = Dong(priceNode, "price");
        long? compareAt = YamlContext.Get(mapping, "compareAt") is { } compareNode ? Dong(compareNode, "compareAt") : null;
        if (compareAt <= price)
        {
            throw Yaml.Error(YamlContext.Get(mapping, "compareAt")!, $"compareAt ({compareAt}) must be higher than price ({price}): it is the earlier price shown struck through");
        }

        var stockNode = YamlContext.Get(mapping, "stock") ?? throw Yaml.Error(node, $"variant {sku} needs stock: (the opening stock, 0 or more)");
        var (size, sizeEn) = Option(mapping, "size");
        var (colour, colourEn) = Option(mapping, "colour");
        var (pattern, patternEn) = Option(mapping, "pattern");
        return new ProductVariant
        {
            Sku = sku,
            Size = size,
            SizeEn = sizeEn,
            Colour = colour,
            ColourEn = colourEn,
            Pattern = pattern,
            PatternEn = patternEn,
            Price = price,
            CompareAtPrice = compareAt,
            Available = (int)Whole(stockNode, "stock", 0, 1_000_000),
            SortOrder = index,
        };
    }

    /// <summary>Whole đồng: Vietnamese writing puts dots between thousands, which YAML would read as a decimal number.</summary>
    private long Dong(YamlNode node, string what)
    {
        var text = Yaml.Scalar(node, what);
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw Yaml.Error(node, $"{what} '{text}' must be a whole number of đồng written without separators or decimals (350000, not 350.000 or 350,000)");
        }

        return value > 0 ? value : throw Yaml.Error(node, $"{what} must be more than 0 đồng");
    }

    private List<string> Images(YamlMappingNode front)
    {
        var node = Required(front, "images");
        var images = Yaml.Sequence(node, "images").Children.Select(n => (Node: n, Key: Yaml.Scalar(n, "an image"))).ToList();
        if (images.Count == 0)
        {
            throw Yaml.Error(node, "images: needs at least one media key");
        }

        if (images.FirstOrDefault(i => !media.Contains(i.Key)) is { Node: { } missing, Key: var key })
        {
            throw Yaml.Error(missing, $"no media item '{key}' (add media/{key}.jpg with its {key}.yml)");
        }

        return [.. images.Select(i => i.Key)];
    }

    private List<string> Unverified(YamlMappingNode front)
    {
        if (YamlContext.Get(front, "unverified") is not { } node)
        {
            return [];
        }

        var values = Yaml.ScalarList(node, "unverified");
        if (values.FirstOrDefault(v => !Fields.Contains(v) && !VariantFields.Contains(v)) is { } unknown)
        {
            throw Yaml.Error(node, $"unverified: '{unknown}' is not a product or variant field");
        }

        return [.. values.Distinct(StringComparer.Ordinal)];
    }

    private List<ProductSource> Sources(YamlMappingNode front)
    {
        var node = Required(front, "sources");
        var sources = Yaml.Sequence(node, "sources").Children.Select(n => (Node: n, Source: FrontMatterMapper.ReadSource(Yaml, n))).ToList();
        if (sources.Count == 0)
        {
            throw Yaml.Error(node, "sources: needs at least one public page about the product or its craft");
        }

        if (sources.FirstOrDefault(s => s.Source.Title.Length > 300 || s.Source.Publisher?.Length > 200 || s.Source.Url?.Length > 1000) is { Node: { } tooLong })
        {
            throw Yaml.Error(tooLong, "a source is too long (title up to 300, publisher 200 and url 1000 characters)");
        }

        return [.. sources.Select((s, index) => new ProductSource
        {
            Title = s.Source.Title,
            Publisher = s.Source.Publisher,
            Url = s.Source.Url,
            PublishedOn = s.Source.Date,
            SortOrder = index,
        })];
    }

    /// <summary>A variant option: short text, or { vi, en } when it needs translating (English falls back to Vietnamese).</summary>
    private (string? Vi, string? En) Option(YamlMappingNode mapping, string key)
    {
        var (vi, en) = Localized(mapping, key, 80);
        return vi is null && en is not null ? throw Yaml.Error(Node(mapping, key), $"{key} needs a Vietnamese (vi) value") : (vi, en);
    }

    private (string? Vi, string? En) Both(YamlMappingNode front, string key, int maxLength)
    {
        var (vi, en) = Localized(front, key, maxLength);
        if (vi is null || en is null)
        {
            throw YamlContext.Get(front, key) is { } node
                ? Yaml.Error(node, $"{key} needs both a Vietnamese (vi) and an English (en) text")
                : Yaml.Error(front, $"{key}: {{ vi: ..., en: ... }} is required");
        }

        return (vi, en);
    }

    private (string? Vi, string? En) Localized(YamlMappingNode mapping, string key, int maxLength)
    {
        if (YamlContext.Get(mapping, key) is not { } node)
        {
            return (null, null);
        }

        var text = Yaml.Localized(node, key);
        string? Value(string culture) => text.TryGetValue(culture, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        var (vi, en) = (Value(Cultures.Vietnamese), Value(Cultures.English));
        return vi?.Length > maxLength || en?.Length > maxLength ? throw Yaml.Error(node, $"{key} is too long (up to {maxLength} characters)") : (vi, en);
    }

    private string? Text(YamlMappingNode mapping, string key, int maxLength, bool required)
    {
        var value = Yaml.OptionalScalar(mapping, key)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return required ? throw Yaml.Error(YamlContext.Get(mapping, key) ?? mapping, $"{key}: is required") : null;
        }

        return value.Length <= maxLength ? value : throw Yaml.Error(Node(mapping, key), $"{key} is too long (up to {maxLength} characters)");
    }

    private long Whole(YamlNode node, string what, long min, long max)
    {
        var value = Yaml.WholeNumber(node, what);
        return value >= min && value <= max ? value : throw Yaml.Error(node, $"{what} must be from {min} to {max}");
    }

    private YamlNode Required(YamlMappingNode mapping, string key) =>
        YamlContext.Get(mapping, key) ?? throw Yaml.Error(mapping, $"{key}: is required");

    private static YamlNode Node(YamlMappingNode mapping, string key) => YamlContext.Get(mapping, key)!;

    [GeneratedRegex("^[A-Z0-9]+(-[A-Z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SkuPattern();
}
