using System.Globalization;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Payments.Refunds;
using VillageCraftPortal.Commerce.Payments.VietQr;
using VillageCraftPortal.Web.Backoffice.Access;
using VillageCraftPortal.Web.Backoffice.Audit;
using VillageCraftPortal.Web.Features.Orders.Emails;

namespace VillageCraftPortal.Web.Backoffice.Orders;

/// <summary>The fields of the order page's forms; each form posts the ones it needs and the revision it was shown at.</summary>
public sealed class ActionForm
{
    public int FulfilmentId { get; set; }

    public string? To { get; set; }

    public string? Carrier { get; set; }

    public string? TrackingNumber { get; set; }

    public string? Amount { get; set; }

    public string? Reason { get; set; }

    public int Revision { get; set; }
}

/// <summary>What happened, as a text key ("bo.orders.done.*" or "bo.orders.problem.*") and the HTTP status to answer.</summary>
public sealed record ActionOutcome(bool Succeeded, string Key, int StatusCode)
{
    public static ActionOutcome Ok(string key) => new(true, key, StatusCodes.Status303SeeOther);

    public static ActionOutcome Refused(string key, int status = StatusCodes.Status422UnprocessableEntity) => new(false, key, status);

    public static readonly ActionOutcome Forbidden = new(false, "forbidden", StatusCodes.Status403Forbidden);

    public static readonly ActionOutcome Conflict = new(false, "Conflict", StatusCodes.Status409Conflict);
}

/// <summary>
/// Checks who may do what to an order and hands the work to the commerce services, then audits it. Every check is
/// against the order as loaded for this user (<see cref="OrderView"/>), so a parcel or an order outside their
/// centres cannot be named in a form.
/// </summary>
public sealed class OrderActions(
    OrderFulfilment fulfilment, OrderCancellation cancellation, TransferConfirmation transfers, OrderRefunds refunds, AuditLog audit, OrderNoticeSignal notices)
{
    public const string AuditEntity = "order";

    public async Task<ActionOutcome> AdvanceAsync(BackofficeAccess access, OrderView view, ActionForm form, CancellationToken cancellationToken)
    {
        var parcel = view.Parcels.SingleOrDefault(p => p.Id == form.FulfilmentId);
        if (parcel is null || !access.CanFulfil(parcel.VillageCode))
        {
            return ActionOutcome.Forbidden;
        }

        if (!Enum.TryParse<OrderStatus>(form.To, out var to) || !Enum.IsDefined(to))
        {
            return ActionOutcome.Refused(nameof(FulfilmentOutcome.NotAllowed));
        }

        var outcome = await fulfilment.AdvanceAsync(view.Order.Id, parcel.Id, to, new Shipment(form.Carrier, form.TrackingNumber), access.UserName, form.Revision, cancellationToken);
        return await ResultAsync(outcome == FulfilmentOutcome.Applied, outcome.ToString(), outcome == FulfilmentOutcome.Conflict, access, view,
            $"{parcel.VillageCode}: {parcel.Status} → {to}", cancellationToken);
    }

    public async Task<ActionOutcome> ConfirmTransferAsync(BackofficeAccess access, OrderView view, ActionForm form, CancellationToken cancellationToken)
    {
        if (!view.CanManage)
        {
            return ActionOutcome.Forbidden;
        }

        if (DongInput.Read(form.Amount).Amount is not { } amount)
        {
            return ActionOutcome.Refused("AmountInvalid");
        }

        var status = await transfers.ConfirmAsync(view.Order.Id, amount, access.UserName, form.Revision, cancellationToken);
        return await ResultAsync(status == TransferConfirmationStatus.Confirmed, status.ToString(), status == TransferConfirmationStatus.Conflict, access, view,
            "transfer received " + amount.ToString(CultureInfo.InvariantCulture), cancellationToken);
    }

    public async Task<ActionOutcome> RefundAsync(BackofficeAccess access, OrderView view, ActionForm form, CancellationToken cancellationToken)
    {
        if (!view.CanManage)
        {
            return ActionOutcome.Forbidden;
        }

        if (DongInput.Read(form.Amount).Amount is not { } amount)
        {
            return ActionOutcome.Refused("AmountInvalid");
        }

        var result = await refunds.RefundAsync(view.Order.Id, amount, form.Reason ?? string.Empty, access.UserName, form.Revision, cancellationToken);
        return await ResultAsync(result.Status == RefundStatus.Done, "Refund" + result.Status, result.Status == RefundStatus.Conflict, access, view,
            $"refund {amount.ToString(CultureInfo.InvariantCulture)}: {form.Reason}", cancellationToken);
    }

    public async Task<ActionOutcome> CancelAsync(BackofficeAccess access, OrderView view, ActionForm form, CancellationToken cancellationToken)
    {
        if (!view.CanManage)
        {
            return ActionOutcome.Forbidden;
        }

        var status = await cancellation.CancelAsync(view.Order.Id, form.Reason ?? string.Empty, access.UserName, form.Revision, cancellationToken);
        return await ResultAsync(status == CancellationStatus.Cancelled, "Cancel" + status, status == CancellationStatus.Conflict, access, view,
            "cancelled: " + form.Reason, cancellationToken);
    }

    private async Task<ActionOutcome> ResultAsync(
        bool succeeded, string key, bool conflict, BackofficeAccess access, OrderView view, string summary, CancellationToken cancellationToken)
    {
        if (!succeeded)
        {
            return conflict ? ActionOutcome.Conflict : ActionOutcome.Refused(key);
        }

        await audit.WriteAsync(AuditActions.Order, access.UserName, AuditEntity, view.Order.Number, summary, cancellationToken: cancellationToken);
        // Shipping, payment, refunds and cancellation each owe the buyer an email: send it now rather than at the next poll.
        notices.Notify();
        return ActionOutcome.Ok(key);
    }
}
