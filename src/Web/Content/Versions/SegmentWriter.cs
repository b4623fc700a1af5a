using System.Text;

namespace VillageCraftPortal.Web.Content.Versions;

/// <summary>
/// Collects diff output and tidies it for reading: neighbouring runs of a kind are merged, each change shows its
/// deleted text before its inserted text, and a bare space or punctuation between two changes joins them, so that
/// "a b c" → "x y z" reads as one replacement rather than three interleaved ones.
/// </summary>
internal sealed class SegmentWriter
{
    private readonly List<Run> _runs = [];

    public void Add(SegmentKind kind, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        var last = _runs.Count > 0 ? _runs[^1] : null;
        if (kind == SegmentKind.Unchanged)
        {
            if (last is not { IsChange: false })
            {
                last = new Run(isChange: false);
                _runs.Add(last);
            }

            last.Unchanged.Append(text);
            return;
        }

        if (last is not { IsChange: true })
        {
            last = new Run(isChange: true);
            _runs.Add(last);
        }

        (kind == SegmentKind.Deleted ? last.Deleted : last.Inserted).Append(text);
    }

    /// <summary>The tidied segments. Call once: tidying joins runs in place.</summary>
    public IReadOnlyList<DiffSegment> ToSegments()
    {
        var segments = new List<DiffSegment>();
        foreach (var run in JoinChangesAcrossSeparators())
        {
            if (!run.IsChange)
            {
                segments.Add(new DiffSegment(SegmentKind.Unchanged, run.Unchanged.ToString()));
                continue;
            }

            if (run.Deleted.Length > 0)
            {
                segments.Add(new DiffSegment(SegmentKind.Deleted, run.Deleted.ToString()));
            }

            if (run.Inserted.Length > 0)
            {
                segments.Add(new DiffSegment(SegmentKind.Inserted, run.Inserted.ToString()));
            }
        }

        return segments;
    }

    private List<Run> JoinChangesAcrossSeparators()
    {
        var joined = new List<Run>(_runs.Count);
        for (var i = 0; i < _runs.Count; i++)
        {
            var run = _runs[i];
            if (!run.IsChange && joined.Count > 0 && i + 1 < _runs.Count && IsSeparator(run.Unchanged) && CanJoin(joined[^1], _runs[i + 1]))
            {
                var (before, after, separator) = (joined[^1], _runs[i + 1], run.Unchanged.ToString());
                before.Deleted.Append(separator).Append(after.Deleted);
                before.Inserted.Append(separator).Append(after.Inserted);
                i++;
                continue;
            }

            joined.Add(run);
        }

        return joined;
    }

    /// <summary>Only when the joined change both deletes and inserts: a lone deletion stays where it was.</summary>
    private static bool CanJoin(Run before, Run after) =>
        before.IsChange && after.IsChange
        && before.Deleted.Length + after.Deleted.Length > 0 && before.Inserted.Length + after.Inserted.Length > 0;

    /// <summary>Spaces and punctuation on one line; a line break stays put so paragraphs keep their shape.</summary>
    private static bool IsSeparator(StringBuilder text)
    {
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (c == '\n' || char.IsLetterOrDigit(c))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private sealed class Run(bool isChange)
    {
        public bool IsChange { get; } = isChange;

        public StringBuilder Unchanged { get; } = new();

        public StringBuilder Deleted { get; } = new();

        public StringBuilder Inserted { get; } = new();
    }
}
