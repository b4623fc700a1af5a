namespace VillageCraftPortal.Web.Content.Types;

/// <summary>
/// Why a value is not acceptable. <see cref="MessageKey"/> is a key in the UI texts (e.g. "validation.required"),
/// so the editor sees it in their own language; <see cref="Culture"/> is null for invariant values.
/// </summary>
public sealed record ValidationProblem(string Property, string? Culture, string MessageKey, string? Detail = null)
{
    public override string ToString() =>
        $"{Property}{(Culture is null ? string.Empty : $" [{Culture}]")}: {MessageKey}{(Detail is null ? string.Empty : $" ({Detail})")}";
}
