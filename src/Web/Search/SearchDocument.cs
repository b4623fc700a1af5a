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

    /// <summary>Texts kept for display are cut here: snippets need the opening, not a whole article.</summary>
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
        };
        if (VillageCode is not null)
        {
            doc.Add(new SortedDocValuesField(SearchFields.Village, new BytesRef(VillageCode)));
        }

        if (Category is not null)
        {
            doc.Add(new SortedDocValuesField(SearchFields.Category, new BytesRef(Category)));
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
            var shown = new HitValues(Key, Image, original.Name, text.Url, text.Text.Length > StoredTextLength ? text.Text[..StoredTextLength] : text.Text);
            doc.Add(new BinaryDocValuesField(SearchFields.Hit(culture), shown.Encode()));
        }

        return doc;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Key} {Texts[Cultures.Default].Name}");
}

/// <summary>
/// What a hit shows in one culture, kept per document as binary doc values (<see cref="SearchFields.Hit"/>) rather
/// than stored fields: reading a stored document decompresses its whole 16 KB chunk up to it, about 30 µs a hit,
/// where doc values are read in place. The filter values (type, village, stars…) come from their own doc values.
/// </summary>
internal sealed record HitValues(string Key, string? Image, string Name, string Url, string Text)
{
    private const char Separator = '\u001F';

    public BytesRef Encode() =>
        new(string.Join(Separator, new[] { Key, Image ?? string.Empty, Name, Url, Text }.Select(v => v.Replace(Separator, ' '))));

    public static HitValues Decode(BytesRef bytes)
    {
        var parts = System.Text.Encoding.UTF8.GetString(bytes.Bytes, bytes.Offset, bytes.Length).Split(Separator);
        return new HitValues(parts[0], parts[1].Length == 0 ? null : parts[1], parts[2], parts[3], parts[4]);
    }

    /// <summary>A document's values in a culture, read from its segment.</summary>
    public static HitValues Read(Lucene.Net.Index.AtomicReader reader, int doc, string culture)
    {
        var values = reader.GetBinaryDocValues(SearchFields.Hit(culture))
            ?? throw new InvalidOperationException($"The index has no {SearchFields.Hit(culture)} values: it predates schema {SearchIndex.Schema}.");
        var bytes = new BytesRef();
        values.Get(doc, bytes);
        return Decode(bytes);
    }
}
