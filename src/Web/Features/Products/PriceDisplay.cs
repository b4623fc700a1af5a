namespace VillageCraftPortal.Web.Features.Products;

/// <summary>A price as shown: "from" when variants differ, and the earlier price struck through when it was higher.</summary>
public sealed record PriceDisplay(long Amount, bool IsFrom, long? Was);
