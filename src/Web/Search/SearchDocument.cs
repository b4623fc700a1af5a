using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using VillageCraftPortal.Web.Content;

namespace VillageCraftPortal.Web.Search;

/// <summary>What a search can find.</summary>
public enum SearchType
{
    Village,
    Centre,
    Experience,
    Article,
    Page,
    Product,
}

/// <summary>One culture's words of a searchable item: its name, its text, and its address in that culture.</summary>
public sealed record SearchText(string Name, string Text, string Url);

/// <summary>
/// A searchable item as the index holds it: both cultures' texts, and the values the filters and sorts use
/// (<see cref="NoValue"/> where a value does not apply, e.g. a village's price).
/// </summary>
public sealed record SearchDocument(
    string Key,
    SearchType Type,
    IReadOnlyDictionary<string, SearchText> Texts,
    string? Image,
    string? VillageCode,
    string? Category,
    int Stars,
    long Price,
    int InStock,
    DateTime Date,
    float Boost = 1f)
{
    public const int NoValue = -1;

    /// <summary>Stored texts are cut here: snippets need the opening, not a whole article.</summary>
    private const int StoredTextLength = 4000;

    public static string TypeName(SearchType type) => type.ToString().ToLowerInvariant();

    public Document ToLucene()
    {
        var doc = new Document
        {
            new StringField(SearchFields.Key, Key, Field.Store.YES),
            new StringField(SearchFields.Type, TypeName(Type), Field.Store.YES),
            new SortedDocValuesField(SearchFields.Type, new BytesRef(TypeName(Type))),
            new NumericDocValuesField(SearchFields.Stars, Stars),
            new NumericDocValuesField(SearchFields.Price, Price),
            new NumericDocValuesField(SearchFields.InStock, InStock),
            new NumericDocValuesField(SearchFields.Date, Date.Ticks),
            new StoredField(SearchFields.Stars, Stars),
            new StoredField(SearchFields.Price, Price),
            new StoredField(SearchFields.InStock, InStock),
        };
        if (VillageCode is not null)
        {
            doc.Add(new StoredField(SearchFields.Village, VillageCode));
            doc.Add(new SortedDocValuesField(SearchFields.Village, new BytesRef(VillageCode)));
        }

        if (Category is not null)
        {
            doc.Add(new StoredField(SearchFields.Category, Category));
            doc.Add(new SortedDocValuesField(SearchFields.Category, new BytesRef(Category)));
        }

        if (Image is not null)
        {
            doc.Add(new StoredField(SearchFields.Image, Image));
        }

        foreach (var culture in Cultures.All)
        {
            var original = Texts.GetValueOrDefault(culture) ?? Texts[Cultures.Default];
            var text = original with { Name = VietnameseText.Normalize(original.Name), Text = VietnameseText.Normalize(original.Text) };
            doc.Add(new TextField(SearchFields.Exact(SearchFields.Name, culture), text.Name, Field.Store.NO) { Boost = Boost });
            doc.Add(new TextField(SearchFields.Folded(SearchFields.Name, culture), text.Name, Field.Store.NO) { Boost = Boost });
            doc.Add(new TextField(SearchFields.Exact(SearchFields.Text, culture), text.Text, Field.Store.NO));
            doc.Add(new TextField(SearchFields.Folded(SearchFields.Text, culture), text.Text, Field.Store.NO));
            doc.Add(new TextField(SearchFields.PrefixOf(culture), text.Name, Field.Store.NO) { Boost = Boost });
            doc.Add(new StoredField(SearchFields.Stored(SearchFields.Name, culture), original.Name));
            doc.Add(new StoredField(SearchFields.Stored(SearchFields.Text, culture), text.Text.Length > StoredTextLength ? text.Text[..StoredTextLength] : text.Text));
            doc.Add(new StoredField(SearchFields.Stored(SearchFields.Url, culture), text.Url));
        }

        return doc;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Key} {Texts[Cultures.Default].Name}");
}
