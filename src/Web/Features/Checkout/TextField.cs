namespace VillageCraftPortal.Web.Features.Checkout;

/// <summary>
/// One labelled form control with its hint and error (see _TextField.cshtml). The control's id is its name, so the
/// error summary can link to it.
/// </summary>
public sealed record TextField(string Name, string Label, string? Value, string? Error)
{
    public string Type { get; init; } = "text";

    public string? Autocomplete { get; init; }

    public string? Hint { get; init; }

    /// <summary>
    /// Always required (the attribute is set). Fields required only in some cases (the address for a delivery, the
    /// company for an invoice) leave it off and are checked on the server.
    /// </summary>
    public bool Required { get; init; } = true;

    public int? MaxLength { get; init; }

    public string? InputMode { get; init; }

    public bool Multiline { get; init; }

    public string? DescribedBy => string.Join(' ', new[] { Hint is null ? null : Name + "-hint", Error is null ? null : Name + "-error" }.OfType<string>()) is { Length: > 0 } ids ? ids : null;
}
