using VillageCraftPortal.Web.Infrastructure.Email;

namespace VillageCraftPortal.Web.Features.Orders.Emails;

/// <summary>
/// One email to a buyer as a short list of blocks, written once and rendered twice (plain text and HTML) by
/// <see cref="OrderEmailRenderer"/>, so the two versions can never tell different stories.
/// </summary>
public sealed record OrderEmail(string Culture, string Subject, string Heading, IReadOnlyList<EmailBlock> Blocks)
{
    public IReadOnlyList<InlineImage> Images => [.. Blocks.OfType<EmailImage>().Select(b => b.Image)];
}

public abstract record EmailBlock;

/// <summary>A section title (h2).</summary>
public sealed record EmailSection(string Text) : EmailBlock;

public sealed record EmailParagraph(string Text) : EmailBlock;

/// <summary>Label and value pairs: totals, bank details, delivery.</summary>
public sealed record EmailFacts(IReadOnlyList<EmailFact> Facts) : EmailBlock;

public sealed record EmailFact(string Label, string Value);

/// <summary>A table of bought lines with a caption (the centre) and column headings.</summary>
public sealed record EmailLines(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<EmailLine> Lines) : EmailBlock;

public sealed record EmailLine(string Name, int Quantity, string UnitPrice, string Amount);

/// <summary>A picture carried inside the email (shown only by the HTML version; the text says the same in words).</summary>
public sealed record EmailImage(InlineImage Image, string Alt, int Size) : EmailBlock;

public sealed record EmailLink(string Text, string Url) : EmailBlock;
