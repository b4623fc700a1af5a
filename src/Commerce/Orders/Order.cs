namespace VillageCraftPortal.Commerce.Orders;

/// <summary>
/// A buyer's order, as placed (prices, names and address are copied so that later catalogue changes do not alter
/// it). Lines from several centres are fulfilled separately, one <see cref="Fulfilment"/> per centre.
/// </summary>
public sealed class Order
{
    public int Id { get; set; }

    /// <summary>Readable and unique, e.g. VCP-2026-000123 (see <see cref="OrderNumber"/>).</summary>
    public string Number { get; set; } = string.Empty;

    public OrderStatus Status { get; set; }

    public PaymentMethod PaymentMethod { get; set; }

    /// <summary>The buyer's language for emails and the Stripe page: "vi" or "en".</summary>
    public required string Culture { get; set; }

    public required string BuyerName { get; set; }

    public required string BuyerEmail { get; set; }

    public required string BuyerPhone { get; set; }

    /// <summary>Province code of the 34 after the 2025 merger; null for addresses abroad.</summary>
    public string? ProvinceCode { get; set; }

    public string? Ward { get; set; }

    public string? AddressLine { get; set; }

    /// <summary>For addresses abroad: country and the address as the buyer wrote it.</summary>
    public string? Country { get; set; }

    /// <summary>A <see cref="Shipping.ShippingMethodCodes"/> code: "pickup", "hanoi-courier", "nationwide", "international".</summary>
    public required string DeliveryMethod { get; set; }

    public bool IsPickup => Shipping.ShippingMethodCodes.TryParse(DeliveryMethod, out var method) && method == Shipping.ShippingMethod.Pickup;

    public long Subtotal { get; set; }

    public long ShippingPrice { get; set; }

    public long Total { get; set; }

    /// <summary>The VAT contained in <see cref="Total"/>, for the summary and the invoice.</summary>
    public long VatIncluded { get; set; }

    public long RefundedAmount { get; set; }

    public string? InvoiceCompanyName { get; set; }

    public string? InvoiceTaxCode { get; set; }

    public string? InvoiceAddress { get; set; }

    public string? Notes { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Guards status changes made at the same time by a webhook and a member of staff.</summary>
    public int Revision { get; set; }

    public List<OrderLine> Lines { get; set; } = [];

    public List<Fulfilment> Fulfilments { get; set; } = [];

    public List<OrderTransition> Transitions { get; set; } = [];

    /// <summary>
    /// Moves the order to <paramref name="to"/>, recording the transition. Payment and cancellation move every
    /// centre's fulfilment with it; packing, shipping and delivery are each centre's own (see
    /// <see cref="OrderFulfilment"/>) and only follow from them. Callers check <see cref="OrderStateMachine.CanMove"/>
    /// first; a move it forbids is a bug.
    /// </summary>
    public void MoveTo(OrderStatus to, string actor, string? note, DateTime at)
    {
        if (!OrderStateMachine.CanMove(Status, to))
        {
            throw new InvalidOperationException($"Order {Number} cannot move from {Status} to {to}.");
        }

        Transitions.Add(new OrderTransition { OrderId = Id, From = Status, To = to, Actor = actor, Note = note, At = at });
        Status = to;
        Touch(at);
        if (to is OrderStatus.Paid or OrderStatus.Confirmed or OrderStatus.Cancelled or OrderStatus.Refunded)
        {
            foreach (var fulfilment in Fulfilments)
            {
                fulfilment.Status = to;
            }
        }
    }

    /// <summary>Marks a change, so a concurrent change made from an older copy fails instead of overwriting it.</summary>
    public void Touch(DateTime at)
    {
        UpdatedAt = at;
        Revision++;
    }
}

/// <summary>One variant bought, with the price and names as they were when the order was placed.</summary>
public sealed class OrderLine
{
    public int Id { get; set; }

    public int OrderId { get; set; }

    public int VariantId { get; set; }

    public int FulfilmentId { get; set; }

    public Fulfilment Fulfilment { get; set; } = null!;

    public required string Sku { get; set; }

    public required string ProductName { get; set; }

    public string? VariantLabel { get; set; }

    public required string VillageCode { get; set; }

    public long UnitPrice { get; set; }

    public int Quantity { get; set; }

    public int WeightGrams { get; set; }

    public long LineTotal => UnitPrice * Quantity;
}

/// <summary>The part of an order one centre packs and ships. Its staff see only these lines.</summary>
public sealed class Fulfilment
{
    public int Id { get; set; }

    public int OrderId { get; set; }

    public required string VillageCode { get; set; }

    public OrderStatus Status { get; set; }

    public string? Carrier { get; set; }

    public string? TrackingNumber { get; set; }

    public DateTime? ShippedAt { get; set; }
}

/// <summary>A recorded change of status, of the order or of one centre's fulfilment.</summary>
public sealed class OrderTransition
{
    public long Id { get; set; }

    public int OrderId { get; set; }

    public int? FulfilmentId { get; set; }

    public OrderStatus From { get; set; }

    public OrderStatus To { get; set; }

    public required string Actor { get; set; }

    public string? Note { get; set; }

    public DateTime At { get; set; }
}
