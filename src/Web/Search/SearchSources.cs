using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Content.Values;
using VillageCraftPortal.Web.Features.Shop;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Search;

/// <summary>Turns published pages and listed products into <see cref="SearchDocument"/>s.</summary>
public sealed partial class SearchSources(AppDbContext db, UiTexts texts, TimeProvider clock)
{
    /// <summary>The page types a visitor searches for, and how much a name match on each is worth.</summary>
    private static readonly Dictionary<string, (SearchType Type, float Boost)> Searchable = new(StringComparer.Ordinal)
    {
        [DocumentTypes.Village] = (SearchType.Village, 1.6f),
        [DocumentTypes.DesignCentre] = (SearchType.Centre, 1.3f),
        [DocumentTypes.Experience] = (SearchType.Experience, 1.1f),
        [DocumentTypes.Article] = (SearchType.Article, 1f),
        [DocumentTypes.Page] = (SearchType.Page, 0.8f),
    };

    public const string ContentKeyPrefix = "content:";

    public static string ContentKey(int id) => ContentKeyPrefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public const string ProductKeyPrefix = "product:";

    public static string ProductKey(int id) => ProductKeyPrefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every searchable page of a snapshot.</summary>
    public static IEnumerable<SearchDocument> Content(PublishedSnapshot snapshot) =>
        snapshot.Nodes.Select(n => Content(snapshot, n)).OfType<SearchDocument>();

    /// <summary>A page's document, or null when its type is not searched.</summary>
    public static SearchDocument? Content(PublishedSnapshot snapshot, PublishedNode node)
    {
        if (!Searchable.TryGetValue(node.ContentType, out var kind))
        {
            return null;
        }

        var village = node.ContentType == DocumentTypes.Village ? node : node.AncestorOfType(DocumentTypes.Village);
        var texts = Cultures.All.ToDictionary(c => c, c => new SearchText(node.Name(c).Value, ContentText(node, c), node.Url(c)));
        var date = node.Value<DateOnly?>("publishedOn") is { } on ? on.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : node.PublishedAt;
        var image = node.Value<Guid>("heroImage");
        return new SearchDocument(
            ContentKey(node.Id),
            kind.Type,
            texts,
            image == Guid.Empty ? null : image.ToString(),
            village is null ? null : ContentScopes.VillageCodeOf(village.Alias),
            null,
            SearchDocument.NoValue,
            SearchDocument.NoValue,
            SearchDocument.NoValue,
            date,
            kind.Boost);
    }

    /// <summary>All listed products.</summary>
    public async Task<List<SearchDocument>> ProductsAsync(PublishedSnapshot snapshot, CancellationToken cancellationToken) =>
        await ProductsAsync(snapshot, db.Set<Product>().Where(p => p.IsListed), cancellationToken);

    /// <summary>The documents of the given products that are listed; the others are to be removed from the index.</summary>
    public async Task<List<SearchDocument>> ProductsAsync(PublishedSnapshot snapshot, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await ProductsAsync(snapshot, db.Set<Product>().Where(p => p.IsListed && ids.Contains(p.Id)), cancellationToken);

    private async Task<List<SearchDocument>> ProductsAsync(PublishedSnapshot snapshot, IQueryable<Product> products, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(VietnamTime.Now(clock));
        var rows = await products.AsNoTracking().Include(p => p.Variants).AsSplitQuery().ToListAsync(cancellationToken);
        return [.. rows.Where(p => snapshot.Village(p.VillageCode) is not null && p.Variants.Count > 0).Select(p => Product(snapshot, p, today))];
    }

    private SearchDocument Product(PublishedSnapshot snapshot, Product product, DateOnly today)
    {
        var village = snapshot.Village(product.VillageCode)!;
        var stars = product.OcopStars is { } s && product.OcopExpiresOn is { } expires && today <= expires ? s : SearchDocument.NoValue;
        var byCulture = Cultures.All.ToDictionary(c => c, c =>
        {
            var en = c == Cultures.English;
            var text = new StringBuilder()
                .AppendLine(en ? product.DescriptionEn ?? product.DescriptionVi : product.DescriptionVi)
                .AppendLine(en ? product.MaterialsEn ?? product.MaterialsVi : product.MaterialsVi)
                .AppendLine(texts.Get(c, $"store.category.{product.Category}"))
                .AppendLine(village.Name(c).Value)
                .AppendJoin(' ', product.Variants.Select(v => v.LabelIn(c)));
            return new SearchText(en ? product.NameEn : product.NameVi, text.ToString(), ShopPaths.Product(c, product.Alias));
        });
        return new SearchDocument(
            ProductKey(product.Id),
            SearchType.Product,
            byCulture,
            product.ImageKeys.FirstOrDefault(),
            product.VillageCode,
            product.Category,
            stars,
            product.Variants.Min(v => v.Price),
            product.Variants.Any(v => v.Available > 0) ? 1 : 0,
            product.CreatedAt);
    }

    /// <summary>A page's words in a culture: summary, body and the other texts a visitor may look for.</summary>
    private static string ContentText(PublishedNode node, string culture)
    {
        var text = new StringBuilder();
        foreach (var alias in new[] { "summary", "tagline", "commune", "address", "seasons" })
        {
            if (node.Value<string>(alias, culture).Value is { Length: > 0 } value)
            {
                text.AppendLine(value);
            }
        }

        foreach (var block in node.Value<List<Block>>("body", culture).Value ?? [])
        {
            text.AppendLine(block switch
            {
                RichTextBlock rich => PlainText(rich.Html),
                QuoteBlock quote => PlainText(quote.Html),
                FactsBlock facts => string.Join(". ", facts.Facts.Select(f => $"{f.Label}: {f.Value}")),
                ImageBlock { Caption: { } caption } => caption,
                _ => string.Empty,
            });
        }

        if (node.Value<string>("seasonsAndFestivals", culture).Value is { Length: > 0 } festivals)
        {
            text.AppendLine(PlainText(festivals));
        }

        return text.ToString();
    }

    private static string PlainText(string html) => WebUtility.HtmlDecode(Tags().Replace(html, " "));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
