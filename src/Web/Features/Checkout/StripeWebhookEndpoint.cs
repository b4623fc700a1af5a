using VillageCraftPortal.Commerce.Payments.Stripe;

namespace VillageCraftPortal.Web.Features.Checkout;

/// <summary>
/// POST /api/payments/stripe/webhook: Stripe's events, verified by signature. A refused event answers 400 with
/// ProblemDetails, one that met a concurrent change 409 (Stripe retries both); handled, duplicate and ignored events
/// answer 200 so Stripe stops sending them.
/// </summary>
public static class StripeWebhookEndpoint
{
    public const string Path = "/api/payments/stripe/webhook";

    /// <summary>Stripe's events are small; anything larger is not one.</summary>
    private const int MaxBodyBytes = 512 * 1024;

    public static IEndpointRouteBuilder MapPayments(this IEndpointRouteBuilder app)
    {
        var payments = app.MapGroup("/api/payments");
        payments.MapPost("/stripe/webhook", HandleAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, StripeWebhooks webhooks, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Event too large");
        }

        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(cancellationToken);
        var outcome = await webhooks.HandleAsync(json, request.Headers["Stripe-Signature"].FirstOrDefault(), cancellationToken);
        return outcome switch
        {
            WebhookOutcome.Refused => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid Stripe event", detail: "The signature is missing, wrong or too old."),
            WebhookOutcome.Retry => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Order changed meanwhile", detail: "Nothing was applied; send the event again."),
            _ => Results.Ok(new { outcome = outcome.ToString() }),
        };
    }
}
