using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace VillageCraftPortal.Site.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on 127.0.0.1 that keeps every message it receives, for tests of anything that sends email.
/// The port is chosen once and kept across <see cref="StopAsync"/> and <see cref="StartAsync"/>, so a test can begin
/// with the server down (connections refused) and bring it up later.
/// </summary>
public sealed class SmtpListener : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly List<MimeMessage> _messages = [];
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _stop;
    private Task? _running;

    public int Port { get; } = FreePort();

    public bool IsRunning => _running is { IsCompleted: false };

    public IReadOnlyList<MimeMessage> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Settings that point the site's email at this server (plain text: it has no certificate).</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Email:Mode"] = "Smtp",
        ["Email:Smtp:Host"] = IPAddress.Loopback.ToString(),
        ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
    };

    public static async Task<SmtpListener> StartNewAsync()
    {
        var listener = new SmtpListener();
        await listener.StartAsync();
        return listener;
    }

    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var endpoints = new EndpointListenerFactory();
        endpoints.EndpointStarted += (_, _) => listening.TrySetResult();
        var services = new SmtpServiceProvider();
        services.Add(endpoints);
        services.Add(new CollectingStore(this));
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.test")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();

        _server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _running = _server.StartAsync(_stop.Token);
        await Task.WhenAny(listening.Task, _running).WaitAsync(DefaultWait);
        if (_running.IsFaulted)
        {
            await _running;
        }
    }

    public async Task StopAsync()
    {
        if (_server is null || _stop is null || _running is null)
        {
            return;
        }

        _server.Shutdown();
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(DefaultWait);
        }
        catch (OperationCanceledException)
        {
            // Stopping is what was asked for.
        }

        _stop.Dispose();
        (_server, _stop, _running) = (null, null, null);
    }

    /// <summary>The first received message that matches, waiting for it to arrive (for email sent in the background).</summary>
    public async Task<MimeMessage> WaitForMessageAsync(Func<MimeMessage, bool> match, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultWait);
        while (true)
        {
            Task arrived;
            lock (_lock)
            {
                if (_messages.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                arrived = _arrived.Task;
            }

            try
            {
                await arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(
                    $"No matching email arrived; received: {string.Join(" | ", Messages.Select(m => $"{m.To} '{m.Subject}'"))}");
            }
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private void Add(MimeMessage message)
    {
        TaskCompletionSource arrived;
        lock (_lock)
        {
            _messages.Add(message);
            arrived = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.SetResult();
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private sealed class CollectingStore(SmtpListener owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            owner.Add(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
