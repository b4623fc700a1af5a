namespace VillageCraftPortal.Web.Content.Types;

/// <summary>A property of a document type. <see cref="VariesByCulture"/> properties hold one value per culture.</summary>
public sealed record PropertyType(string Alias, PropertyEditor Editor, bool VariesByCulture = false)
{
    public bool Required { get; init; }

    public int? MaxLength { get; init; }

    public long? Min { get; init; }

    public long? Max { get; init; }

    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>The group the backoffice shows it in (e.g. "content", "visit", "seo").</summary>
    public string Group { get; init; } = "content";
}
