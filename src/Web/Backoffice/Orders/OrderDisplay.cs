using System.Globalization;
using VillageCraftPortal.Commerce.Shipping;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Backoffice.Orders;

/// <summary>How orders read in the backoffice: village names, money and Hà Nội times in the interface's language.</summary>
public sealed class OrderDisplay(PublishedSnapshotAccessor snapshots)
{
    public string Village(string code) =>
        snapshots.Current.Village(code)?.Name(SiteCulture.Current).Value ?? code;

    /// <summary>The text key of the delivery method an order stored (a <see cref="ShippingMethodCodes"/> code).</summary>
    public static string DeliveryKey(string code) =>
        ShippingMethodCodes.TryParse(code, out var method) ? $"bo.orders.delivery.{method}" : "bo.orders.delivery.other";

    public static string Money(long amount) => Formats.Vnd(amount, SiteCulture.Current);

    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, VietnamTime.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
