using System.Globalization;
using System.Text;

namespace VillageCraftPortal.Web.Content.Versions;

/// <summary>
/// Diffs two readable texts for people: first line by line (a line with the blank lines after it, so paragraphs and
/// blocks move as a whole), then word by word inside each changed group of lines. Words are runs of letters, digits
/// and combining marks (so "Tràng" is one word whether its diacritics are composed or not); whitespace runs and
/// punctuation runs are tokens of their own.
/// </summary>
public static class TextDiff
{
    /// <summary>
    /// The most insertions plus deletions one comparison may need (lines, or the words of one changed group of lines).
    /// Beyond it the group is shown as whole lines deleted and inserted (or, if the lines themselves differ that much,
    /// the whole changed middle of the text). This bounds the work to O((N+M)·1000) token comparisons and about
    /// 4 MB per comparison, whatever the length of the texts.
    /// </summary>
    public const int MaxEditDistance = 1000;

    /// <summary>The segments from <paramref name="older"/> to <paramref name="newer"/>, and how finely they were found.</summary>
    public static (IReadOnlyList<DiffSegment> Segments, DiffGranularity Granularity) Compare(string older, string newer)
    {
        var output = new SegmentWriter();
        var olderLines = SplitLines(older);
        var newerLines = SplitLines(newer);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var olderIds = olderLines.Select(l => Intern(ids, l.TrimEnd('\n'))).ToArray();
        var newerIds = newerLines.Select(l => Intern(ids, l.TrimEnd('\n'))).ToArray();
        var coarse = false;

        var edits = MyersDiff.Diff(olderIds, newerIds, MaxEditDistance);
        if (edits is null)
        {
            // Too many lines changed: keep the common first and last lines; what lies between is one group, compared
            // word by word if that stays within the limit, else shown whole.
            var (prefix, suffix) = CommonEnds(olderIds, newerIds);
            edits = [
                .. Enumerable.Range(0, prefix).Select(i => new Edit(SegmentKind.Unchanged, i, i)),
                .. Enumerable.Range(prefix, olderIds.Length - prefix - suffix).Select(i => new Edit(SegmentKind.Deleted, i, -1)),
                .. Enumerable.Range(prefix, newerIds.Length - prefix - suffix).Select(j => new Edit(SegmentKind.Inserted, -1, j)),
                .. Enumerable.Range(0, suffix).Select(i => new Edit(SegmentKind.Unchanged, olderIds.Length - suffix + i, newerIds.Length - suffix + i)),
            ];
        }

        for (var i = 0; i < edits.Count;)
        {
            if (edits[i].Kind == SegmentKind.Unchanged)
            {
                WriteUnchangedLine(output, olderLines[edits[i].Older], newerLines[edits[i].Newer]);
                i++;
                continue;
            }

            var deleted = new StringBuilder();
            var inserted = new StringBuilder();
            for (; i < edits.Count && edits[i].Kind != SegmentKind.Unchanged; i++)
            {
                if (edits[i].Kind == SegmentKind.Deleted)
                {
                    deleted.Append(olderLines[edits[i].Older]);
                }
                else
                {
                    inserted.Append(newerLines[edits[i].Newer]);
                }
            }

            coarse |= !CompareWords(output, deleted.ToString(), inserted.ToString());
        }

        return (output.ToSegments(), coarse ? DiffGranularity.Lines : DiffGranularity.Words);
    }

    /// <summary>
    /// Splits text into tokens: words, whitespace runs and punctuation runs; concatenated, they are the text. A point,
    /// comma or colon between digits belongs to the number ("21.0285", "1.000.000", "08:30"), so a changed time or
    /// figure reads as one change.
    /// </summary>
    internal static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || ClassOf(text, i) != ClassOf(text, i - 1))
            {
                tokens.Add(text[start..i]);
                start = i;
            }
        }

        return tokens;
    }

    /// <summary>
    /// Word by word; false when the words differ too much, in which case all between the common first and last words
    /// is shown deleted and inserted whole.
    /// </summary>
    private static bool CompareWords(SegmentWriter output, string older, string newer)
    {
        if (older.Length == 0 || newer.Length == 0)
        {
            output.Add(SegmentKind.Deleted, older);
            output.Add(SegmentKind.Inserted, newer);
            return true;
        }

        var olderTokens = Tokenize(older);
        var newerTokens = Tokenize(newer);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var olderIds = olderTokens.Select(t => Intern(ids, t)).ToArray();
        var newerIds = newerTokens.Select(t => Intern(ids, t)).ToArray();

        // Most edits touch a few words: skip the common start and end before the quadratic part.
        var (prefix, suffix) = CommonEnds(olderIds, newerIds);
        var edits = MyersDiff.Diff(olderIds.AsSpan(prefix, olderIds.Length - prefix - suffix), newerIds.AsSpan(prefix, newerIds.Length - prefix - suffix), MaxEditDistance);
        output.Add(SegmentKind.Unchanged, string.Concat(olderTokens.Take(prefix)));
        if (edits is null)
        {
            output.Add(SegmentKind.Deleted, string.Concat(olderTokens.Skip(prefix).Take(olderTokens.Count - prefix - suffix)));
            output.Add(SegmentKind.Inserted, string.Concat(newerTokens.Skip(prefix).Take(newerTokens.Count - prefix - suffix)));
        }
        else
        {
            foreach (var edit in edits)
            {
                output.Add(edit.Kind, edit.Kind == SegmentKind.Inserted ? newerTokens[prefix + edit.Newer] : olderTokens[prefix + edit.Older]);
            }
        }

        output.Add(SegmentKind.Unchanged, string.Concat(olderTokens.Skip(olderTokens.Count - suffix)));
        return edits is not null;
    }

    /// <summary>Matched lines can still differ in how many line breaks follow them.</summary>
    private static void WriteUnchangedLine(SegmentWriter output, string older, string newer)
    {
        var olderBreaks = older.Length - older.TrimEnd('\n').Length;
        var newerBreaks = newer.Length - newer.TrimEnd('\n').Length;
        output.Add(SegmentKind.Unchanged, older[..^Math.Max(0, olderBreaks - newerBreaks)]);
        output.Add(SegmentKind.Deleted, new string('\n', Math.Max(0, olderBreaks - newerBreaks)));
        output.Add(SegmentKind.Inserted, new string('\n', Math.Max(0, newerBreaks - olderBreaks)));
    }

    /// <summary>Lines, each with the line breaks after it (so a paragraph carries its blank line).</summary>
    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' && (i + 1 == text.Length || text[i + 1] != '\n'))
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    private static (int Prefix, int Suffix) CommonEnds(int[] older, int[] newer)
    {
        var prefix = 0;
        while (prefix < older.Length && prefix < newer.Length && older[prefix] == newer[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < older.Length - prefix && suffix < newer.Length - prefix && older[^(suffix + 1)] == newer[^(suffix + 1)])
        {
            suffix++;
        }

        return (prefix, suffix);
    }

    private static int Intern(Dictionary<string, int> ids, string text)
    {
        if (!ids.TryGetValue(text, out var id))
        {
            id = ids.Count;
            ids[text] = id;
        }

        return id;
    }

    private static int ClassOf(string text, int i)
    {
        var c = text[i];
        if (char.IsWhiteSpace(c))
        {
            return 0;
        }

        if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
        {
            return 1;
        }

        var inNumber = c is ('.' or ',' or ':') && i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]);
        return inNumber ? 1 : 2;
    }
}
