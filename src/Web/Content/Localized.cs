namespace VillageCraftPortal.Web.Content;

/// <summary>
/// A value read for a culture. <see cref="Culture"/> is the culture it actually came from, which differs from the
/// requested one when English fell back to Vietnamese; pages then mark the text with <c>lang="vi"</c>.
/// </summary>
public readonly record struct Localized<T>(T Value, string Culture, bool IsFallback)
{
    public bool HasValue => Value is not null && (Value is not string s || s.Length > 0);

    public override string ToString() => Value?.ToString() ?? string.Empty;
}

/// <summary>Text in several cultures, e.g. an image's alt text or the reason for a closure.</summary>
public sealed class LocalizedText : Dictionary<string, string>
{
    public LocalizedText()
        : base(StringComparer.Ordinal)
    {
    }

    public LocalizedText(IDictionary<string, string> values)
        : base(values, StringComparer.Ordinal)
    {
    }

    public Localized<string> For(string culture)
    {
        foreach (var candidate in Cultures.FallbackChain(culture))
        {
            if (TryGetValue(candidate, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return new Localized<string>(value, candidate, candidate != culture);
            }
        }

        return new Localized<string>(string.Empty, culture, false);
    }
}
