using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace VillageCraftPortal.Site.Tests.Infrastructure;

/// <summary>
/// The real site (Program) on a test database and data directory. Map tiles are off (no network here), the
/// public address is fixed for canonical links, and the clock can be a <see cref="FakeTimeProvider"/>.
/// </summary>
public sealed class SiteFactory(
    TestDatabase database,
    IReadOnlyDictionary<string, string?>? settings = null,
    TimeProvider? clock = null,
    Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<Program>
{
    public const string BaseUrl = "https://vcp.test";

    public TestDatabase Database { get; } = database;

    /// <summary>
    /// Serves over a real socket (for the browser tests) instead of the in-memory test server, and returns the
    /// address once the site reports ready.
    /// </summary>
    public async Task<Uri> StartKestrelAsync()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        using var client = new HttpClient { BaseAddress = uri };
        await WaitUntilReadyAsync(client);
        return uri;
    }

    /// <summary>A client that does not follow redirects, once the site reports ready.</summary>
    public async Task<HttpClient> CreateReadyClientAsync()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(BaseUrl) });
        await WaitUntilReadyAsync(client);
        return client;
    }

    public static async Task WaitUntilReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? last = null;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            last = await response.Content.ReadAsStringAsync();
            if (last.Contains("\"failed", StringComparison.Ordinal) || last.Contains("could not be imported", StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"The site did not become ready: {last}");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Site:BaseUrl", BaseUrl);
        builder.UseSetting("Map:TileUrl", string.Empty);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in Database.Settings())
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }

            configureServices?.Invoke(services);
        });
    }
}
