using VillageCraftPortal.Web.Infrastructure.Background;

namespace VillageCraftPortal.Web.Features.Orders.Emails;

/// <summary>
/// Wakes the <see cref="OrderEmailJob"/> when a change that wrote an <see cref="Commerce.Orders.OrderNotice"/>
/// commits (a placed order, a confirmed payment).
/// </summary>
public sealed class OrderNoticeSignal : WakeSignal;
