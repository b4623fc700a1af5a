using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using VillageCraftPortal.Web.Content;

namespace VillageCraftPortal.Web.Shared;

/// <summary>
/// The interface texts, from Shared/Texts/*.{vi,en}.json (embedded, one pair per area). Views use <c>T["key"]</c>; a key missing in
/// English falls back to Vietnamese, and a test keeps the two files' keys identical.
/// </summary>
public sealed class UiTexts : IStringLocalizer
{
    private readonly Dictionary<string, Dictionary<string, string>> _texts;

    public UiTexts()
    {
        _texts = Cultures.All.ToDictionary(c => c, Load, StringComparer.Ordinal);
    }

    public LocalizedString this[string name] => Find(SiteCulture.Current, name);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var text = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, text.Value, arguments), text.ResourceNotFound);
        }
    }

    public IReadOnlyDictionary<string, string> All(string culture) => _texts[culture];

    public string Get(string culture, string name) => Find(culture, name).Value;

    public string Get(string culture, string name, params object[] arguments) =>
        string.Format(Cultures.Info(culture), Find(culture, name).Value, arguments);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        _texts[SiteCulture.Current].Select(kv => new LocalizedString(kv.Key, kv.Value));

    private LocalizedString Find(string culture, string name)
    {
        foreach (var candidate in Cultures.FallbackChain(culture))
        {
            if (_texts[candidate].TryGetValue(name, out var value))
            {
                return new LocalizedString(name, value);
            }
        }

        return new LocalizedString(name, name, resourceNotFound: true);
    }

    /// <summary>Every embedded Shared/Texts/*.{culture}.json, one per area of the site; a key defined twice is a bug.</summary>
    private static Dictionary<string, string> Load(string culture)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var prefix = "VillageCraftPortal.Web.Shared.Texts.";
        var suffix = $".{culture}.json";
        var resources = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(suffix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (resources.Count == 0)
        {
            throw new InvalidOperationException($"No interface texts for {culture} are embedded.");
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            var part = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"The interface texts {resource} are empty.");
            foreach (var (key, value) in part)
            {
                if (!texts.TryAdd(key, value))
                {
                    throw new InvalidOperationException($"The text key {key} is defined twice ({resource}).");
                }
            }
        }

        return texts;
    }
}
