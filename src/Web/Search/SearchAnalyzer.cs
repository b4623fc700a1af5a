using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace VillageCraftPortal.Web.Search;

/// <summary>
/// How each indexed field is read. Texts are put in canonical form (<see cref="VietnameseText"/>) before they get
/// here (<see cref="SearchDocument.ToLucene"/>, <see cref="Terms"/>); then:
/// <list type="bullet">
/// <item>"as written" fields (<c>name.vi</c>): lower-cased words, diacritics kept; English ones also stemmed;</item>
/// <item>folded fields (<c>name.vi.f</c>): lower-cased, folded to ASCII (đ → d, tones removed), not stemmed;</item>
/// <item>prefix fields (<c>prefix.vi</c>): folded, then every word's leading 1–20 letters, for autocomplete.</item>
/// </list>
/// </summary>
public sealed class SearchAnalyzer() : Analyzer(PER_FIELD_REUSE_STRATEGY)
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static readonly SearchAnalyzer Instance = new();

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var kind = SearchFields.KindOf(fieldName);
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, source);
        switch (kind)
        {
            case FieldKind.Exact when SearchFields.IsEnglish(fieldName):
                stream = new PorterStemFilter(stream);
                break;
            case FieldKind.Folded:
                stream = new ASCIIFoldingFilter(stream);
                break;
            case FieldKind.Prefix:
                stream = new EdgeNGramTokenFilter(Version, new ASCIIFoldingFilter(stream), 1, 20);
                break;
        }

        return new TokenStreamComponents(source, stream);
    }

    /// <summary>The terms a text gives in a field, in order.</summary>
    public static List<string> Terms(string field, string text)
    {
        var terms = new List<string>();
        using var stream = Instance.GetTokenStream(field, VietnameseText.Normalize(text));
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}

public enum FieldKind
{
    Exact,
    Folded,
    Prefix,
    Keyword,
}

/// <summary>The index's field names.</summary>
public static class SearchFields
{
    public const string Key = "key";
    public const string Type = "type";
    public const string Village = "village";
    public const string Category = "category";
    public const string Stars = "stars";
    public const string Price = "price";
    public const string InStock = "instock";
    public const string Date = "date";
    public const string Name = "name";
    public const string Text = "text";
    public const string Url = "url";
    public const string Prefix = "prefix";

    public static string Exact(string field, string culture) => $"{field}.{culture}";

    public static string Folded(string field, string culture) => $"{field}.{culture}.f";

    public static string PrefixOf(string culture) => $"{Prefix}.{culture}";

    /// <summary>The doc values a hit shows in a culture (<see cref="HitValues"/>).</summary>
    public static string Hit(string culture) => $"hit.{culture}";

    public static FieldKind KindOf(string field) =>
        field.StartsWith(Prefix + ".", StringComparison.Ordinal) ? FieldKind.Prefix
        : field.EndsWith(".f", StringComparison.Ordinal) ? FieldKind.Folded
        : field.StartsWith(Name + ".", StringComparison.Ordinal) || field.StartsWith(Text + ".", StringComparison.Ordinal) ? FieldKind.Exact
        : FieldKind.Keyword;

    public static bool IsEnglish(string field) => field.Contains(".en", StringComparison.Ordinal);
}
