using VillageCraftPortal.Commerce.Catalogue;

namespace VillageCraftPortal.Commerce.Orders;

public sealed record OrderRequestLine(int VariantId, int Quantity);

public sealed record Buyer(string Name, string Email, string Phone);

/// <summary>Where and how the order goes; the delivery price is the checkout's quote for it.</summary>
public sealed record Delivery(string Method, long Price, string? ProvinceCode, string? Ward, string? AddressLine, string? Country);

public sealed record CompanyInvoice(string CompanyName, string TaxCode, string Address);

public sealed record OrderRequest(
    IReadOnlyList<OrderRequestLine> Lines,
    PaymentMethod Payment,
    Buyer Buyer,
    Delivery Delivery,
    string Culture)
{
    public CompanyInvoice? Invoice { get; init; }

    public string? Notes { get; init; }

    /// <summary>
    /// The lines' variants, with their products, as the caller has just read them from the catalogue (checkout's
    /// review of the cart, which the buyer confirmed): the order is priced from them instead of reading them again.
    /// Null: <see cref="OrderPlacement"/> reads them itself.
    /// </summary>
    public IReadOnlyCollection<ProductVariant>? Catalogue { get; init; }
}

public enum PlacementStatus
{
    Placed,
    Empty,
    InvalidQuantity,
    UnknownProduct,
    OutOfStock,

    /// <summary>Cash on delivery asked for an order abroad or above <see cref="OrderOptions.CashOnDeliveryLimit"/>.</summary>
    CashOnDeliveryRefused,
}

/// <summary>The placed order, or why not; for <see cref="PlacementStatus.OutOfStock"/> the SKU that ran out.</summary>
public sealed record PlacementResult(PlacementStatus Status, Order? Order = null, string? Sku = null)
{
    public bool Succeeded => Status == PlacementStatus.Placed;
}
