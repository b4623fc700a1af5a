namespace VillageCraftPortal.Web.Content.Versions;

/// <summary>What happened to one property value (one culture of it) between two versions.</summary>
public enum ChangeKind
{
    /// <summary>The older version had no value; every segment is <see cref="SegmentKind.Inserted"/>.</summary>
    Added,

    /// <summary>The newer version has no value; every segment is <see cref="SegmentKind.Deleted"/>.</summary>
    Removed,

    Changed,
}

public enum SegmentKind
{
    Unchanged,
    Inserted,
    Deleted,
}

/// <summary>How finely a change is shown.</summary>
public enum DiffGranularity
{
    /// <summary>Every change is shown word by word.</summary>
    Words,

    /// <summary>
    /// At least one change was too large to compare word by word and is shown as whole paragraphs (or the whole text)
    /// deleted and inserted; see <see cref="TextDiff.MaxEditDistance"/>.
    /// </summary>
    Lines,
}

/// <summary>
/// A run of readable text. Reading the segments in order, the older text is every segment but the inserted ones and
/// the newer text every segment but the deleted ones. Within a change, deletions come before insertions. Text keeps
/// its line breaks ("\n"; a blank line between paragraphs and blocks), so show it with <c>white-space: pre-wrap</c>.
/// </summary>
public sealed record DiffSegment(SegmentKind Kind, string Text);

/// <summary>
/// One property value that differs between two versions, in one culture.
/// </summary>
/// <param name="Alias">The property alias.</param>
/// <param name="Culture">"vi", "en"..., or null for a value that does not vary by culture.</param>
/// <param name="Kind">Whether the value was added, removed or changed.</param>
/// <param name="Segments">
/// The readable text of the value, with what was deleted and inserted; empty for an added or removed value that has
/// no text (an empty list).
/// </param>
public sealed record PropertyChange(string Alias, string? Culture, ChangeKind Kind, IReadOnlyList<DiffSegment> Segments)
{
    /// <summary>The editor alias of the property ("richText", "blocks"...), or null when the document type has no such property.</summary>
    public string? Editor { get; init; }

    public DiffGranularity Granularity { get; init; } = DiffGranularity.Words;

    /// <summary>
    /// True for a change whose readable text is the same on both sides although the stored values differ: only
    /// formatting (bold, a link's address), a media item with the same name, or the Unicode form of the letters
    /// changed. The UI should say so rather than show a change with nothing highlighted.
    /// </summary>
    public bool SameText => Kind == ChangeKind.Changed && Segments.All(s => s.Kind == SegmentKind.Unchanged);

    public string OlderText() => string.Concat(Segments.Where(s => s.Kind != SegmentKind.Inserted).Select(s => s.Text));

    public string NewerText() => string.Concat(Segments.Where(s => s.Kind != SegmentKind.Deleted).Select(s => s.Text));
}
