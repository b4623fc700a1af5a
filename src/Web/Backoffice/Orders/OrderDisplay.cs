using System.Globalization;
using VillageCraftPortal.Commerce.Pricing;
using VillageCraftPortal.Commerce.Shipping;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Backoffice.Orders;

/// <summary>How orders read in the backoffice: village names, money and Hà Nội times in the interface's language.</summary>
public sealed class OrderDisplay(PublishedSnapshotAccessor snapshots)
{
    public string Village(string code) =>
        snapshots.Current.ByAlias(ContentScopes.VillageAliasPrefix + code)?.Name(SiteCulture.Current).Value ?? code;

    /// <summary>The text key of a delivery method however the order spelled it ("pickup", "HanoiCourier").</summary>
    public static string DeliveryKey(string method) =>
        Enum.TryParse<ShippingMethod>(method.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var known) && Enum.IsDefined(known)
            ? $"bo.orders.delivery.{known}"
            : "bo.orders.delivery.other";

    public static string Money(long amount) => Vnd.Format(amount, SiteCulture.Current);

    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, VietnamTime.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
