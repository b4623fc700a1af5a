using System.Globalization;
using VillageCraftPortal.Web.Content;

namespace VillageCraftPortal.Web.Shared;

/// <summary>How numbers, prices, durations and dates read in each culture.</summary>
public static class Formats
{
    private static readonly NumberFormatInfo VietnameseNumbers = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };
    private static readonly NumberFormatInfo EnglishNumbers = new() { NumberGroupSeparator = ",", NumberDecimalSeparator = "." };

    /// <summary>Whole đồng: "1.250.000 ₫" in Vietnamese, "₫1,250,000" in English (the shop's <see cref="Commerce.Pricing.Vnd"/>).</summary>
    public static string Vnd(long amount, string culture) => Commerce.Pricing.Vnd.Format(amount, culture);

    public static string VndRange(long? from, long? to, string culture) => (from, to) switch
    {
        (null, null) => string.Empty,
        ({ } f, null) => Vnd(f, culture),
        (null, { } t) => Vnd(t, culture),
        ({ } f, { } t) when f == t => Vnd(f, culture),
        ({ } f, { } t) => $"{Vnd(f, culture)} – {Vnd(t, culture)}",
    };

    public static string Number(double value, string culture, int decimals = 1) =>
        value.ToString("#,0." + new string('#', decimals), culture == Cultures.English ? EnglishNumbers : VietnameseNumbers);

    public static string Duration(long minutes, string culture)
    {
        var (hours, rest) = (minutes / 60, minutes % 60);
        return culture == Cultures.English
            ? (hours, rest) switch { (0, var m) => $"{m} min", (var h, 0) => $"{h} h", (var h, var m) => $"{h} h {m} min" }
            : (hours, rest) switch { (0, var m) => $"{m} phút", (var h, 0) => $"{h} giờ", (var h, var m) => $"{h} giờ {m} phút" };
    }

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Time(DateTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date, string culture) => culture == Cultures.English
        ? date.ToString("d MMMM yyyy", Cultures.Info(culture))
        : $"{date.Day} tháng {date.Month}, {date.Year}";

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string DayName(DayOfWeek day, string culture) =>
        Cultures.Info(culture).DateTimeFormat.GetDayName(day) is var name && culture == Cultures.Vietnamese
            ? CultureInfo.GetCultureInfo("vi-VN").TextInfo.ToTitleCase(name)
            : name;
}
