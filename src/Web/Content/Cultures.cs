using System.Globalization;

namespace VillageCraftPortal.Web.Content;

/// <summary>The site's cultures. Vietnamese is the default; English falls back to it value by value.</summary>
public static class Cultures
{
    public const string Vietnamese = "vi";
    public const string English = "en";
    public const string Default = Vietnamese;

    /// <summary>The key under which a property that does not vary by culture keeps its value.</summary>
    public const string Invariant = "*";

    public static readonly IReadOnlyList<string> All = [Vietnamese, English];

    private static readonly CultureInfo VietnameseInfo = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo EnglishInfo = CultureInfo.GetCultureInfo("en-GB");

    public static bool IsSupported(string? culture) => culture is Vietnamese or English;

    /// <summary>The formatting culture for a site culture: Vietnamese dates and numbers, British English.</summary>
    public static CultureInfo Info(string culture) => culture == English ? EnglishInfo : VietnameseInfo;

    /// <summary>The order in which values are looked up: the culture itself, then Vietnamese.</summary>
    public static IEnumerable<string> FallbackChain(string culture)
    {
        yield return culture;
        if (culture != Default)
        {
            yield return Default;
        }
    }

    public static string Other(string culture) => culture == Vietnamese ? English : Vietnamese;
}
