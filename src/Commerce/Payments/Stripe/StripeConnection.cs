using Microsoft.Extensions.Options;
using Stripe;

namespace VillageCraftPortal.Commerce.Payments.Stripe;

/// <summary>
/// The StripeClient built from <see cref="StripeOptions"/> (never the static StripeConfiguration), or none when no
/// keys are configured, in which case the card option is hidden.
/// </summary>
public sealed class StripeConnection
{
    public const string HttpClientName = "stripe";

    public StripeConnection(IOptions<StripeOptions> options, IHttpClientFactory httpClients)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return;
        }

        Client = new StripeClient(new StripeClientOptions
        {
            ApiKey = settings.SecretKey,
            ApiBase = string.IsNullOrWhiteSpace(settings.ApiBase) ? null : settings.ApiBase.TrimEnd('/'),
            HttpClient = new SystemNetHttpClient(httpClients.CreateClient(HttpClientName)),
        });
    }

    public IStripeClient? Client { get; }

    public bool IsAvailable => Client is not null;
}
