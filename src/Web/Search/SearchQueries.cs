using Lucene.Net.Index;
using Lucene.Net.Search;
using VillageCraftPortal.Web.Content;

namespace VillageCraftPortal.Web.Search;

/// <summary>
/// Turns the visitor's words into a Lucene query, never through a query parser: every word is analysed like the
/// indexed text and becomes term queries, so Lucene's syntax characters (quotes, wildcards, brackets) are just text.
/// For each word:
/// <list type="bullet">
/// <item>as written (diacritics kept, English stemmed) scores highest, so "đường" ranks "đường" above "dương";</item>
/// <item>folded (no diacritics) matches what was typed without them;</item>
/// <item>one typo is forgiven in words of 4 letters or more that the index does not know (a word spelled as indexed
/// needs no correction, and typo matching is the dearest clause); short syllables are matched exactly.</item>
/// </list>
/// Names outweigh texts, and the page's culture outweighs the other one, whose texts are matched folded only. Most words must match (all of one or two),
/// and words found together as a phrase add a boost.
/// </summary>
public static class SearchQueries
{
    public const int MaxWords = 12;
    public const int FuzzyMinLength = 4;

    private const float NameWeight = 3f, TextWeight = 1f;
    private const float ExactWeight = 2f, FoldedWeight = 1f, FuzzyWeight = 0.25f;
    private const float OtherCultureWeight = 0.5f;

    /// <summary>The words of a query as the folded fields see them (the same in both cultures).</summary>
    public static List<string> FoldedWords(string text) =>
        [.. SearchAnalyzer.Terms(SearchFields.Folded(SearchFields.Name, Cultures.Default), text).Take(MaxWords)];

    /// <summary>The query for a search's text, or null when it has no words (e.g. only punctuation).</summary>
    public static TextQuery? Build(string text, string culture, IndexReader reader)
    {
        var folded = FoldedWords(text);
        if (folded.Count == 0)
        {
            return null;
        }

        var exact = SearchAnalyzer.Terms(SearchFields.Exact(SearchFields.Name, culture), text);
        var words = new BooleanQuery();
        for (var i = 0; i < folded.Count; i++)
        {
            var word = new BooleanQuery(disableCoord: true);
            var known = Cultures.All.Any(c => reader.DocFreq(new Term(SearchFields.Folded(SearchFields.Name, c), folded[i])) > 0
                || reader.DocFreq(new Term(SearchFields.Folded(SearchFields.Text, c), folded[i])) > 0);
            foreach (var c in Cultures.All)
            {
                var weight = c == culture ? 1f : OtherCultureWeight;
                if (c == culture && i < exact.Count)
                {
                    Add(word, new TermQuery(new Term(SearchFields.Exact(SearchFields.Name, c), exact[i])), NameWeight * ExactWeight * weight);
                    Add(word, new TermQuery(new Term(SearchFields.Exact(SearchFields.Text, c), exact[i])), TextWeight * ExactWeight * weight);
                }

                Add(word, new TermQuery(new Term(SearchFields.Folded(SearchFields.Name, c), folded[i])), NameWeight * FoldedWeight * weight);
                Add(word, new TermQuery(new Term(SearchFields.Folded(SearchFields.Text, c), folded[i])), TextWeight * FoldedWeight * weight);
                if (!known && folded[i].Length >= FuzzyMinLength)
                {
                    Add(word, new FuzzyQuery(new Term(SearchFields.Folded(SearchFields.Name, c), folded[i]), 1, 1), NameWeight * FuzzyWeight * weight);
                    Add(word, new FuzzyQuery(new Term(SearchFields.Folded(SearchFields.Text, c), folded[i]), 1, 1), TextWeight * FuzzyWeight * weight);
                }
            }

            words.Add(word, Occur.SHOULD);
        }

        words.MinimumNumberShouldMatch = folded.Count <= 2 ? folded.Count : folded.Count - 1;
        if (folded.Count == 1)
        {
            return new TextQuery(words, []);
        }

        var phrases = new List<Query>(2 * Cultures.All.Count);
        foreach (var c in Cultures.All)
        {
            var weight = c == culture ? 1f : OtherCultureWeight;
            phrases.Add(Boosted(Phrase(SearchFields.Folded(SearchFields.Name, c), folded, 1), 4f * weight));
            phrases.Add(Boosted(Phrase(SearchFields.Folded(SearchFields.Text, c), folded, 3), 1.5f * weight));
        }

        return new TextQuery(words, phrases);
    }

    /// <summary>Autocomplete: every word is the start of a word of the name (the last one as typed so far).</summary>
    public static Query? Prefix(string text, string culture)
    {
        var folded = FoldedWords(text);
        if (folded.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery(disableCoord: true);
        foreach (var word in folded)
        {
            var gram = word.Length > 20 ? word[..20] : word;
            query.Add(new TermQuery(new Term(SearchFields.PrefixOf(culture), gram)), Occur.MUST);
            Add(query, new TermQuery(new Term(SearchFields.Folded(SearchFields.Name, culture), word)), 2f);
        }

        return query;
    }

    private static PhraseQuery Phrase(string field, List<string> words, int slop)
    {
        var phrase = new PhraseQuery { Slop = slop };
        foreach (var word in words)
        {
            phrase.Add(new Term(field, word));
        }

        return phrase;
    }

    private static Query Boosted(Query query, float boost)
    {
        query.Boost = boost;
        return query;
    }

    private static void Add(BooleanQuery into, Query query, float boost) => into.Add(Boosted(query, boost), Occur.SHOULD);
}

/// <summary>
/// A search's text as two parts. <see cref="Match"/> decides which documents match and gives their score.
/// <see cref="Phrases"/> (words found together, in either culture's names and texts) only reorder: they are scored for
/// the best-scoring matches alone (<see cref="SearchService.RescoreWindow"/>), because following word positions
/// through every match was a third of a common search's time.
/// </summary>
public sealed record TextQuery(Query Match, IReadOnlyList<Query> Phrases)
{
    /// <summary>
    /// Both parts in one query, as plain Lucene would run them: every match is scored for proximity (the phrases are
    /// optional clauses beside the required words, with Lucene's coordination factor). The rescoring reproduces these
    /// scores for the documents it looks at; the benchmark's raw reference runs this.
    /// </summary>
    public Query Combined()
    {
        if (Phrases.Count == 0)
        {
            return Match;
        }

        var query = new BooleanQuery { { Match, Occur.MUST } };
        foreach (var phrase in Phrases)
        {
            query.Add(phrase, Occur.SHOULD);
        }

        return query;
    }
}
