using System.Globalization;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Pricing;
using VillageCraftPortal.Commerce.Shipping;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Features.Orders;

/// <summary>
/// An order's facts in a buyer's words, for the emails and the status page alike: statuses, payment and delivery
/// methods, the address, the centres' names, amounts and Hà Nội times.
/// </summary>
public sealed class OrderWords(UiTexts texts, PublishedSnapshotAccessor snapshots)
{
    public string Text(string culture, string key) => texts.Get(culture, key);

    public string Text(string culture, string key, params object[] arguments) => texts.Get(culture, key, arguments);

    public string Status(string culture, OrderStatus status) => texts.Get(culture, $"orders.status.{status}");

    public string Payment(string culture, PaymentMethod method) => texts.Get(culture, $"orders.payment.{method}");

    /// <summary>The delivery method's name; a code this site does not know (an older one) is shown as stored.</summary>
    public string Delivery(string culture, string method) =>
        ShippingMethodCodes.TryParse(method, out var known) ? texts.Get(culture, $"orders.delivery.{known}") : method;

    /// <summary>Where the parcel goes, one line; null for pickup (the buyer comes to the centre).</summary>
    public string? Address(Order order, string culture)
    {
        if (order.IsPickup)
        {
            return null;
        }

        var province = order.ProvinceCode is { } code ? Provinces.Current.Find(code) : null;
        string?[] parts = [order.AddressLine, order.Ward, province is null ? order.ProvinceCode : culture == Cultures.English ? province.NameEn : province.NameVi, order.Country];
        var address = string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
        return address.Length > 0 ? address : null;
    }

    /// <summary>The design centre of a village ("bat-trang"), else the village, else the code itself.</summary>
    public string Centre(string culture, string villageCode)
    {
        var snapshot = snapshots.Current;
        return (snapshot.CentreOf(villageCode) ?? snapshot.Village(villageCode))?.Name(culture).Value is { Length: > 0 } name ? name : villageCode;
    }

    public static string Money(long amount, string culture) => Vnd.Format(amount, culture);

    /// <summary>A moment in Hà Nội time: "09:30, 1/12/2026" or "1 December 2026, 09:30".</summary>
    public static string When(DateTime utc, string culture)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), VietnamTime.Zone);
        return culture == Cultures.English
            ? local.ToString("d MMMM yyyy, HH:mm", Cultures.Info(culture))
            : local.ToString("HH:mm, d/M/yyyy", CultureInfo.InvariantCulture);
    }

    /// <summary>A line's name with its options, e.g. "Bình gốm men lam (Cỡ lớn · Xanh)".</summary>
    public static string LineName(OrderLine line) =>
        line.VariantLabel is { Length: > 0 } label ? $"{line.ProductName} ({label})" : line.ProductName;
}
