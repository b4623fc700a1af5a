using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.Miscellaneous;

namespace VillageCraftPortal.Web.Search;

/// <summary>
/// A hit's snippet: the passage of its text with the most of the query's words, the words marked, all of it
/// HTML-encoded. Words are compared as the folded fields index them (Lucene's own ASCII folding, and lower case), so
/// "gom" marks "gốm" and "Gốm". This replaced Lucene's Highlighter, which ran the analyser over every hit's text and
/// made a token object per word: about a tenth of a search's CPU samples and a fifth of what it allocated.
/// </summary>
public static class Snippet
{
    /// <summary>How much a passage may start before its first marked word, to give it some context.</summary>
    private const int Lead = 30;

    private const char Ellipsis = '…';

    /// <summary>Encodes for HTML, leaving Vietnamese letters as they are (not as numeric entities).</summary>
    private static readonly System.Text.Encodings.Web.HtmlEncoder Html = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>The passage of at most <paramref name="length"/> characters (plus ellipses) for the folded words.</summary>
    public static string Of(string text, IReadOnlyList<string> folded, int length)
    {
        var matches = folded.Count == 0 ? [] : Matches(text, folded);
        if (matches.Count == 0)
        {
            return Opening(text, length);
        }

        // The window with the most distinct words, then the most marks; the earliest on a tie.
        var (bestStart, bestEnd, bestScore) = (0, 0, -1);
        for (var first = 0; first < matches.Count; first++)
        {
            var start = WordStartBefore(text, matches[first].Start, Lead);
            var limit = start + length;
            var (seen, count, last) = (0UL, 0, first);
            for (var m = first; m < matches.Count && matches[m].End <= limit; m++)
            {
                seen |= 1UL << matches[m].Word;
                count++;
                last = m;
            }

            var score = (System.Numerics.BitOperations.PopCount(seen) * 1000) + count;
            if (score > bestScore)
            {
                (bestStart, bestEnd, bestScore) = (start, WordEndBefore(text, matches[last].End, limit), score);
            }
        }

        var html = new StringBuilder(length + 64);
        if (bestStart > 0)
        {
            html.Append(Ellipsis).Append(' ');
        }

        var at = bestStart;
        foreach (var (start, end, _) in matches)
        {
            if (start < bestStart || end > bestEnd)
            {
                continue;
            }

            html.Append(Encode(text[at..start]))
                .Append("<mark>").Append(Encode(text[start..end])).Append("</mark>");
            at = end;
        }

        html.Append(Encode(text[at..bestEnd]).TrimEnd());
        if (bestEnd < text.Length)
        {
            html.Append(' ').Append(Ellipsis);
        }

        return html.ToString().Trim();
    }

    /// <summary>The opening, cut at a space (or inside a word longer than the snippet), encoded.</summary>
    private static string Opening(string text, int length)
    {
        if (text.Length <= length)
        {
            return Encode(text);
        }

        var cut = text.LastIndexOf(' ', length);
        return Encode(text[..(cut > 0 ? cut : length)]) + " " + Ellipsis;
    }

    /// <summary>Every word of the text that folds to one of the query's words (a hit's text is cut when indexed).</summary>
    private static List<(int Start, int End, int Word)> Matches(string text, IReadOnlyList<string> query)
    {
        var matches = new List<(int, int, int)>();
        var word = new char[64];
        var ascii = new char[4 * word.Length];
        for (var i = 0; i < text.Length;)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            var length = i - start;
            if (length > word.Length)
            {
                continue; // Longer than any query word can be.
            }

            // Folded first, then lower-cased: the same as the analyser's order for Latin letters (Ố folds to O, then
            // o; ố to o), and a Vietnamese word is ASCII once folded, so lower-casing it needs no ICU call.
            text.CopyTo(start, word, 0, length);
            var folded = ascii.AsSpan(0, ASCIIFoldingFilter.FoldToASCII(word, 0, ascii, 0, length));
            for (var c = 0; c < folded.Length; c++)
            {
                folded[c] = char.IsAsciiLetterUpper(folded[c]) ? (char)(folded[c] | 0x20) : char.ToLowerInvariant(folded[c]);
            }

            for (var w = 0; w < query.Count && w < 64; w++)
            {
                if (folded.SequenceEqual(query[w]))
                {
                    matches.Add((start, i, w));
                    break;
                }
            }
        }

        return matches;
    }

    private static string Encode(string text) => Html.Encode(text);

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>The start of the word at most <paramref name="lead"/> characters before a position (or the position).</summary>
    private static int WordStartBefore(string text, int position, int lead)
    {
        var from = Math.Max(0, position - lead);
        if (from == 0)
        {
            return 0;
        }

        var space = text.IndexOf(' ', from, position - from);
        return space < 0 ? position : space + 1;
    }

    /// <summary>The end of the last whole word before <paramref name="limit"/>, at least <paramref name="minimum"/>.</summary>
    private static int WordEndBefore(string text, int minimum, int limit)
    {
        if (limit >= text.Length)
        {
            return text.Length;
        }

        var space = text.LastIndexOf(' ', limit, limit - minimum + 1);
        return space < 0 ? minimum : space;
    }
}
