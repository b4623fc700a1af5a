using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VillageCraftPortal.Site.Tests.Infrastructure;

/// <summary>
/// A Stripe-compatible server on 127.0.0.1 for the parts of the API the shop uses: create, retrieve and expire
/// Checkout sessions, and refunds. It speaks Stripe's wire format (form-encoded requests, JSON objects, bearer key,
/// idempotency keys) so that the real Stripe.net client talks to it unchanged. It also writes signed webhook events.
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    public const string SecretKey = "sk_test_fake_stripe_key";
    public const string WebhookSecret = "whsec_fake_stripe_secret";

    private readonly ConcurrentDictionary<string, JsonObject> _sessions = new();
    private readonly ConcurrentDictionary<string, string> _idempotency = new();
    private readonly ConcurrentDictionary<string, JsonObject> _refunds = new();
    private readonly ConcurrentQueue<(string Method, string Path, string? IdempotencyKey, Dictionary<string, string> Form)> _requests = new();
    private WebApplication _app = null!;
    private int _next;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyCollection<(string Method, string Path, string? IdempotencyKey, Dictionary<string, string> Form)> Requests => _requests;

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Stripe:SecretKey"] = SecretKey,
        ["Stripe:WebhookSecret"] = WebhookSecret,
        ["Stripe:ApiBase"] = BaseAddress.ToString().TrimEnd('/'),
    };

    public static async Task<FakeStripe> StartAsync()
    {
        var fake = new FakeStripe();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        fake._app = builder.Build();
        fake.Map(fake._app);
        await fake._app.StartAsync();
        var address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseAddress = new Uri(address);
        return fake;
    }

    public JsonObject Session(string id) => _sessions[id];

    /// <summary>The buyer pays on Stripe's page: the session completes, paid, with a payment intent.</summary>
    /// <summary>What new refunds answer: "succeeded", "pending", or "error" (Stripe refuses with a 400).</summary>
    public string RefundStatus { get; set; } = "succeeded";

    public IReadOnlyCollection<JsonObject> Refunds => [.. _refunds.Values];

    public JsonObject Pay(string sessionId)
    {
        var session = _sessions[sessionId];
        session["status"] = "complete";
        session["payment_status"] = "paid";
        session["payment_intent"] = $"pi_{Id()}";
        return session;
    }

    /// <summary>An event as Stripe sends it, and its Stripe-Signature header (timestamp and HMAC-SHA256).</summary>
    public static (string Json, string Signature) Event(string type, JsonObject data, DateTimeOffset at, string? id = null, string secret = WebhookSecret)
    {
        var json = new JsonObject
        {
            ["id"] = id ?? $"evt_{Guid.NewGuid():N}",
            ["object"] = "event",
            ["api_version"] = Stripe.StripeConfiguration.ApiVersion,
            ["created"] = at.ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["type"] = type,
            ["data"] = new JsonObject { ["object"] = data.DeepClone() },
        }.ToJsonString();
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{json}"));
        return (json, $"t={timestamp},v1={Convert.ToHexStringLower(mac)}");
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization.ToString() != $"Bearer {SecretKey}")
            {
                await Error(context, 401, "Invalid API Key provided.");
                return;
            }

            await next(context);
        });
        app.MapPost("/v1/checkout/sessions", async context =>
        {
            var form = await ReadAsync(context);
            var key = context.Request.Headers["Idempotency-Key"].ToString();
            var id = _idempotency.GetOrAdd(key.Length > 0 ? key : Guid.NewGuid().ToString(), _ => CreateSession(form));
            await Json(context, _sessions[id]);
        });
        app.MapGet("/v1/checkout/sessions/{id}", async (HttpContext context, string id) =>
        {
            await ReadAsync(context);
            await (_sessions.TryGetValue(id, out var session) ? Json(context, session) : Error(context, 404, $"No such checkout.session: '{id}'"));
        });
        app.MapPost("/v1/checkout/sessions/{id}/expire", async (HttpContext context, string id) =>
        {
            await ReadAsync(context);
            if (!_sessions.TryGetValue(id, out var session) || session["status"]!.GetValue<string>() != "open")
            {
                await Error(context, 400, "Only Checkout Sessions with a status of `open` can be expired.");
                return;
            }

            session["status"] = "expired";
            await Json(context, session);
        });
        app.MapPost("/v1/refunds", async context =>
        {
            var form = await ReadAsync(context);
            if (RefundStatus == "error")
            {
                await Error(context, 400, "Charge has already been refunded.");
                return;
            }

            var key = context.Request.Headers["Idempotency-Key"].ToString();
            var refund = _refunds.GetOrAdd(key.Length > 0 ? key : Guid.NewGuid().ToString(), _ => new JsonObject
            {
                ["id"] = $"re_{Id()}",
                ["object"] = "refund",
                ["amount"] = long.Parse(form["amount"], CultureInfo.InvariantCulture),
                ["currency"] = "vnd",
                ["payment_intent"] = form["payment_intent"],
                ["status"] = RefundStatus,
                ["metadata"] = new JsonObject(form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal))
                    .Select(f => KeyValuePair.Create(f.Key["metadata[".Length..^1], (JsonNode?)f.Value))),
            });
            await Json(context, refund);
        });
    }

    private string CreateSession(Dictionary<string, string> form)
    {
        var id = $"cs_test_{Id()}";
        long total = 0;
        var items = new JsonArray();
        for (var i = 0; form.ContainsKey($"line_items[{i}][quantity]"); i++)
        {
            var amount = long.Parse(form[$"line_items[{i}][price_data][unit_amount]"], CultureInfo.InvariantCulture);
            var quantity = long.Parse(form[$"line_items[{i}][quantity]"], CultureInfo.InvariantCulture);
            total += amount * quantity;
            items.Add(new JsonObject
            {
                ["name"] = form[$"line_items[{i}][price_data][product_data][name]"],
                ["currency"] = form[$"line_items[{i}][price_data][currency]"],
                ["unit_amount"] = amount,
                ["quantity"] = quantity,
            });
        }

        var metadata = new JsonObject();
        foreach (var (name, value) in form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal)))
        {
            metadata[name["metadata[".Length..^1]] = value;
        }

        _sessions[id] = new JsonObject
        {
            ["id"] = id,
            ["object"] = "checkout.session",
            ["mode"] = form.GetValueOrDefault("mode"),
            ["status"] = "open",
            ["payment_status"] = "unpaid",
            ["amount_total"] = total,
            ["currency"] = "vnd",
            ["locale"] = form.GetValueOrDefault("locale"),
            ["client_reference_id"] = form.GetValueOrDefault("client_reference_id"),
            ["customer_email"] = form.GetValueOrDefault("customer_email"),
            ["expires_at"] = long.Parse(form.GetValueOrDefault("expires_at") ?? "0", CultureInfo.InvariantCulture),
            ["success_url"] = form.GetValueOrDefault("success_url"),
            ["url"] = $"https://checkout.stripe.test/c/pay/{id}",
            ["metadata"] = metadata,
            ["line_items_for_test"] = items,
        };
        return id;
    }

    private async Task<Dictionary<string, string>> ReadAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal)
            : [];
        _requests.Enqueue((context.Request.Method, context.Request.Path.Value!, context.Request.Headers["Idempotency-Key"].FirstOrDefault(), form));
        return form;
    }

    private static Task Json(HttpContext context, JsonObject body)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    private static Task Error(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return Json(context, new JsonObject { ["error"] = new JsonObject { ["type"] = "invalid_request_error", ["message"] = message } });
    }

    private string Id() => Interlocked.Increment(ref _next).ToString("x8", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..8];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
