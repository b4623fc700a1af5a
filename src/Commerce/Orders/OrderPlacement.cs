using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Persistence;
using VillageCraftPortal.Commerce.Pricing;
using VillageCraftPortal.Commerce.Stock;

namespace VillageCraftPortal.Commerce.Orders;

public sealed class OrderOptions
{
    public const string Section = "Orders";

    /// <summary>How long stock is held for a bank transfer (VietQR) before the order is cancelled.</summary>
    public TimeSpan TransferHold { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long stock is held for a card payment: Stripe Checkout sessions expire after this.</summary>
    public TimeSpan CardHold { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The VAT rate included in prices.</summary>
    public decimal VatRate { get; set; } = 0.10m;

    public int MaxQuantityPerLine { get; set; } = 99;

    /// <summary>The largest order total (đồng) accepted for cash on delivery: couriers carry limited cash.</summary>
    public long CashOnDeliveryLimit { get; set; } = 5_000_000;
}

/// <summary>
/// Places an order in one transaction: prices and names come from the catalogue (never from the buyer), stock is
/// taken line by line at the end (in variant order, so concurrent orders cannot deadlock), and either everything is
/// held or nothing is. Cash on delivery is committed at once; card and transfer hold the stock until payment or expiry.
/// </summary>
public sealed class OrderPlacement(DbContext db, StockKeeper stock, IOptions<OrderOptions> options, TimeProvider clock)
{
    public const string BuyerActor = "buyer";

    /// <param name="alongside">
    /// More writes of the caller's (emptying the cart the order came from) made in the order's transaction, so the
    /// order and they stand or fall together.
    /// </param>
    public async Task<PlacementResult> PlaceAsync(OrderRequest request, Func<Order, CancellationToken, Task>? alongside = null, CancellationToken cancellationToken = default)
    {
        var lines = request.Lines.GroupBy(l => l.VariantId).Select(g => new OrderRequestLine(g.Key, g.Sum(l => l.Quantity))).OrderBy(l => l.VariantId).ToList();
        if (lines.Count == 0)
        {
            return new PlacementResult(PlacementStatus.Empty);
        }

        if (lines.Any(l => l.Quantity < 1 || l.Quantity > options.Value.MaxQuantityPerLine))
        {
            return new PlacementResult(PlacementStatus.InvalidQuantity);
        }

        var ids = lines.Select(l => l.VariantId).ToList();
        var variants = request.Catalogue is { } known
            ? known.Where(v => ids.Contains(v.Id) && v.Product.IsListed).DistinctBy(v => v.Id).ToDictionary(v => v.Id)
            : await db.Set<ProductVariant>().AsNoTracking().Include(v => v.Product)
                .Where(v => ids.Contains(v.Id) && v.Product.IsListed)
                .ToDictionaryAsync(v => v.Id, cancellationToken);
        if (variants.Count != lines.Count)
        {
            return new PlacementResult(PlacementStatus.UnknownProduct);
        }

        var order = NewOrder(request, lines, variants);
        if (order.PaymentMethod == PaymentMethod.CashOnDelivery && CashOnDelivery.Check(order.Total, order.Country is not null, options.Value) != CashOnDeliveryRule.Allowed)
        {
            return new PlacementResult(PlacementStatus.CashOnDeliveryRefused);
        }

        // Any failure below rolls the whole order back.
        return await db.Database.WithoutSavepointsAsync(() => PlaceInTransactionAsync(order, lines, variants, alongside, cancellationToken));
    }

    private async Task<PlacementResult> PlaceInTransactionAsync(
        Order order, List<OrderRequestLine> lines, Dictionary<int, ProductVariant> variants, Func<Order, CancellationToken, Task>? alongside, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(order);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var line in lines)
        {
            stock.RecordTake(line.VariantId, line.Quantity, order.Id, BuyerActor);
        }

        Hold(order, lines);
        db.Add(new OrderNotice { OrderId = order.Id, Kind = NoticeKind.Received, CreatedAt = order.CreatedAt });
        order.Number = OrderNumber.For(order.Id, VietnamYear());
        await db.SaveChangesAsync(cancellationToken);
        if (alongside is not null)
        {
            await alongside(order, cancellationToken);
        }

        // The stock rows last (in variant order, so two orders never wait on each other crosswise): everything else
        // is written, and a popular product's row stays locked only for its UPDATE and the commit.
        foreach (var line in lines)
        {
            if (!await stock.TryDecrementAsync(line.VariantId, line.Quantity, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return new PlacementResult(PlacementStatus.OutOfStock, Sku: variants[line.VariantId].Sku);
            }
        }

        if (db.ChangeTracker.HasChanges())
        {
            // What the stock observers added for a variant this order sold out (the search outbox).
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new PlacementResult(PlacementStatus.Placed, order);
    }

    private Order NewOrder(OrderRequest request, List<OrderRequestLine> lines, Dictionary<int, ProductVariant> variants)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var order = new Order
        {
            // Unique until the id is known (the number is made from it).
            Number = "tmp-" + Guid.NewGuid().ToString("N")[..20],
            Status = OrderStatus.PendingPayment,
            PaymentMethod = request.Payment,
            Culture = request.Culture == "en" ? "en" : "vi",
            BuyerName = request.Buyer.Name.Trim(),
            BuyerEmail = request.Buyer.Email.Trim(),
            BuyerPhone = request.Buyer.Phone.Trim(),
            ProvinceCode = request.Delivery.ProvinceCode,
            Ward = request.Delivery.Ward,
            AddressLine = request.Delivery.AddressLine,
            Country = request.Delivery.Country,
            DeliveryMethod = request.Delivery.Method,
            ShippingPrice = request.Delivery.Price,
            InvoiceCompanyName = request.Invoice?.CompanyName,
            InvoiceTaxCode = request.Invoice?.TaxCode,
            InvoiceAddress = request.Invoice?.Address,
            Notes = request.Notes,
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var village in lines.Select(l => variants[l.VariantId].Product.VillageCode).Distinct(StringComparer.Ordinal))
        {
            order.Fulfilments.Add(new Fulfilment { VillageCode = village, Status = OrderStatus.PendingPayment });
        }

        foreach (var line in lines)
        {
            var variant = variants[line.VariantId];
            order.Lines.Add(new OrderLine
            {
                VariantId = variant.Id,
                Sku = variant.Sku,
                ProductName = variant.Product.Name(order.Culture),
                // In the buyer's language, like the product name: the emails and the status page show it as it was.
                VariantLabel = variant.LabelIn(order.Culture) is { Length: > 0 } label ? label : null,
                VillageCode = variant.Product.VillageCode,
                Fulfilment = order.Fulfilments.Single(f => f.VillageCode == variant.Product.VillageCode),
                UnitPrice = variant.Price,
                Quantity = line.Quantity,
                WeightGrams = variant.Product.WeightGrams,
            });
        }

        order.Subtotal = order.Lines.Sum(l => l.LineTotal);
        order.Total = order.Subtotal + order.ShippingPrice;
        order.VatIncluded = Vnd.VatIncluded(order.Total, options.Value.VatRate);
        return order;
    }

    /// <summary>Records the holds (cash on delivery: sold at once).</summary>
    private void Hold(Order order, List<OrderRequestLine> lines)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cashOnDelivery = order.PaymentMethod == PaymentMethod.CashOnDelivery;
        DateTime? expires = order.PaymentMethod switch
        {
            PaymentMethod.Card => now + options.Value.CardHold,
            PaymentMethod.BankTransfer => now + options.Value.TransferHold,
            _ => null,
        };
        foreach (var line in lines)
        {
            db.Add(new StockReservation
            {
                OrderId = order.Id,
                VariantId = line.VariantId,
                Quantity = line.Quantity,
                State = cashOnDelivery ? ReservationState.Committed : ReservationState.Held,
                ExpiresAt = expires,
                CreatedAt = now,
            });
            if (cashOnDelivery)
            {
                stock.RecordCommitted(line.VariantId, line.Quantity, order.Id, BuyerActor);
            }
        }

        if (cashOnDelivery)
        {
            order.MoveTo(OrderStatus.Confirmed, BuyerActor, null, now);
        }
    }

    private int VietnamYear() => clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).Year;
}
