using VillageCraftPortal.Web.Infrastructure.Background;

namespace VillageCraftPortal.Web.Infrastructure.Email;

/// <summary>Wakes the <see cref="EmailDispatcher"/> when a transaction with new emails commits.</summary>
public sealed class EmailSignal : WakeSignal;
