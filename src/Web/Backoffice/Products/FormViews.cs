namespace VillageCraftPortal.Web.Backoffice.Products;

/// <summary>
/// One input of a product, variant or stock form. Its id is "field-{Field}" (the problem list links to it) and its
/// name "{Prefix}.{Field}", bound to the page's form object.
/// </summary>
public sealed record InputView(string Prefix, string Field, string? Value, IReadOnlyList<FieldProblem> Problems)
{
    public string Type { get; init; } = "text";

    public bool Enabled { get; init; } = true;

    public bool Required { get; init; }

    public bool Multiline { get; init; }

    public int? MaxLength { get; init; }

    public string? Lang { get; init; }

    /// <summary>A text key of help shown under the input.</summary>
    public string? Help { get; init; }

    public string? InputMode { get; init; }

    public string Id => $"field-{Field}";

    public string Name => $"{Prefix}.{Field}";

    public IEnumerable<FieldProblem> Errors => Problems.Where(p => p.Field == Field);
}

/// <summary>The product form as the edit and create pages show it.</summary>
public sealed record ProductFormView(
    ProductForm Form, IReadOnlyList<FieldProblem> Problems, IReadOnlyList<string> Villages, IReadOnlyList<ImageChoice> Images, Func<string?, bool> CanEdit)
{
    public InputView Input(string field, string? value, string? culture = null) =>
        new("Form", field, value, Problems) { Enabled = CanEdit(culture), Lang = culture };
}

/// <summary>The variant form as the add and edit pages show it.</summary>
public sealed record VariantFormView(VariantForm Form, IReadOnlyList<FieldProblem> Problems, bool IsNew, Func<string?, bool> CanEdit)
{
    public InputView Input(string field, string? value, string? culture = null) =>
        new("Form", field, value, Problems) { Enabled = CanEdit(culture), Lang = culture };
}
