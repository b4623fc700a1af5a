using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Backoffice.Orders;

/// <summary>What the list may be narrowed to; every value has been checked against what the user may see.</summary>
public sealed record OrderFilter(OrderStatus? Status, string? Village, PaymentMethod? Payment, string? Search, DateTime? From, DateTime? To);

/// <summary>One row: a centre's parcel of an order (administrators: the whole order, Village null).</summary>
public sealed record OrderRow(
    int OrderId, int RowId, string Number, DateTime CreatedAt, string BuyerName, OrderStatus Status, PaymentMethod Payment,
    string? Village, long Amount);

/// <summary>
/// The staff order list, newest first, keyset paged on (order id, row id): no OFFSET, so the hundredth page of a
/// hundred thousand orders costs what the first does. Centre staff get rows of their own centres' parcels only, and
/// the amount of their own lines; administrators get whole orders.
/// </summary>
public sealed class OrderList(AppDbContext db)
{
    public const int PageSize = 50;

    public Task<List<OrderRow>> PageAsync(BackofficeAccess access, OrderFilter filter, (int OrderId, int RowId)? after, CancellationToken cancellationToken) =>
        access.IsAdministrator ? WholeOrdersAsync(filter, after, cancellationToken) : ParcelsAsync(access, filter, after, cancellationToken);

    /// <summary>The cursor of the row after which the next page starts, as "order.row".</summary>
    public static string Cursor(OrderRow row) => string.Create(CultureInfo.InvariantCulture, $"{row.OrderId}.{row.RowId}");

    public static (int OrderId, int RowId)? ParseCursor(string? cursor)
    {
        var parts = (cursor ?? string.Empty).Split('.');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var order)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var row)
            ? (order, row)
            : null;
    }

    private async Task<List<OrderRow>> WholeOrdersAsync(OrderFilter filter, (int OrderId, int RowId)? after, CancellationToken cancellationToken)
    {
        var orders = Filtered(db.Set<Order>().AsNoTracking(), filter);
        if (filter.Status is { } status)
        {
            orders = orders.Where(o => o.Status == status);
        }

        if (filter.Village is { } village)
        {
            orders = orders.Where(o => o.Fulfilments.Any(f => f.VillageCode == village));
        }

        if (after is { } cursor)
        {
            orders = orders.Where(o => o.Id < cursor.OrderId);
        }

        return await orders.OrderByDescending(o => o.Id).Take(PageSize)
            .Select(o => new OrderRow(o.Id, o.Id, o.Number, o.CreatedAt, o.BuyerName, o.Status, o.PaymentMethod, null, o.Total))
            .ToListAsync(cancellationToken);
    }

    private async Task<List<OrderRow>> ParcelsAsync(BackofficeAccess access, OrderFilter filter, (int OrderId, int RowId)? after, CancellationToken cancellationToken)
    {
        var villages = access.Villages.Where(access.CanFulfil).ToList();
        if (filter.Village is { } village)
        {
            villages = villages.Where(v => v == village).ToList();
        }

        var parcels = db.Set<Fulfilment>().AsNoTracking().Where(f => villages.Contains(f.VillageCode));
        if (filter.Status is { } status)
        {
            parcels = parcels.Where(f => f.Status == status);
        }

        if (after is { } cursor)
        {
            parcels = parcels.Where(f => f.OrderId < cursor.OrderId || (f.OrderId == cursor.OrderId && f.Id < cursor.RowId));
        }

        var orders = Filtered(db.Set<Order>().AsNoTracking(), filter);
        var lines = db.Set<OrderLine>().AsNoTracking();
        return await parcels
            .Join(orders, f => f.OrderId, o => o.Id, (f, o) => new { f, o })
            .OrderByDescending(x => x.f.OrderId).ThenByDescending(x => x.f.Id).Take(PageSize)
            .Select(x => new OrderRow(
                x.o.Id, x.f.Id, x.o.Number, x.o.CreatedAt, x.o.BuyerName, x.f.Status, x.o.PaymentMethod, x.f.VillageCode,
                lines.Where(l => l.FulfilmentId == x.f.Id).Sum(l => l.UnitPrice * l.Quantity)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The filters on the order itself: payment, dates, and an exact order number or buyer email (both indexed).</summary>
    private static IQueryable<Order> Filtered(IQueryable<Order> orders, OrderFilter filter)
    {
        if (filter.Payment is { } payment)
        {
            orders = orders.Where(o => o.PaymentMethod == payment);
        }

        if (filter.From is { } from)
        {
            orders = orders.Where(o => o.CreatedAt >= from);
        }

        if (filter.To is { } to)
        {
            orders = orders.Where(o => o.CreatedAt < to);
        }

        if (filter.Search is { } search)
        {
            orders = OrderNumber.TryParseId(search) is { } id
                ? orders.Where(o => o.Id == id)
                : orders.Where(o => o.BuyerEmail == search);
        }

        return orders;
    }
}
