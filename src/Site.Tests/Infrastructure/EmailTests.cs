using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Infrastructure.Email;

namespace VillageCraftPortal.Site.Tests.Infrastructure;

/// <summary>
/// The email outbox end to end, on each database: queued with the caller's save, sent by the dispatcher to a real
/// SMTP server (or a pickup folder), retried with back-off while the server is down, and never sent twice.
/// </summary>
public abstract class EmailTests(DatabaseKind kind) : IAsyncLifetime
{
    private const string Recipient = "Nguyễn Thị Hoa <hoa@example.vn>";
    private const string Subject = "Xác nhận đơn hàng #1024 – Gốm Bát Tràng";
    private const string TextBody = "Chào chị Hoa,\nCảm ơn chị đã đặt bình gốm men lam.\nLàng nghề Việt";
    private const string HtmlBody = "<p>Chào chị Hoa,</p><p>Cảm ơn chị đã đặt <strong>bình gốm men lam</strong>.</p>";

    private readonly FakeTimeProvider _clock = new(SeededSite.FixedNow);
    private SmtpListener _smtp = null!;
    private ServiceHarness _services = null!;

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    public Task InitializeAsync()
    {
        _smtp = new SmtpListener();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_queued_email_arrives_over_SMTP_with_its_Vietnamese_text_and_HTML_intact()
    {
        await UseSmtpAsync(serverUp: true);
        var id = await EnqueueAsync(Subject, HtmlBody);

        var result = await DispatchAsync();

        Assert.Equal(new EmailDispatchResult(1, 0), result);
        var message = Assert.Single(_smtp.Messages);
        var to = Assert.IsType<MailboxAddress>(Assert.Single(message.To));
        var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
        Assert.Equal(("Nguyễn Thị Hoa", "hoa@example.vn"), (to.Name, to.Address));
        Assert.Equal(("Làng nghề Việt", "no-reply@vcp.test"), (from.Name, from.Address));
        Assert.Equal(Subject, message.Subject);
        Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(TextBody, Normalized(message.TextBody));
        Assert.Equal(HtmlBody, Normalized(message.HtmlBody));
        var row = await RowAsync(id);
        Assert.Equal((Now, 1, (string?)null), (row.SentAt, row.Attempts, row.LastError));
        Assert.Equal(new EmailDispatchResult(0, 0), await DispatchAsync());
    }

    [Fact]
    public async Task Pickup_mode_writes_one_readable_eml_file_per_message_named_in_sending_order()
    {
        await UseAsync(new Dictionary<string, string?> { ["Email:Mode"] = "Pickup" });
        await EnqueueAsync("Thư thứ nhất: đặt hàng", HtmlBody);
        await EnqueueAsync("Thư thứ hai: giao hàng", htmlBody: null);

        var result = await DispatchAsync();

        Assert.Equal(new EmailDispatchResult(2, 0), result);
        var folder = _services.Get<PickupEmailTransport>().Directory;
        Assert.StartsWith(_services.Database.DataDirectory, folder, StringComparison.Ordinal);
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, files.Count);
        Assert.All(files, f => Assert.Matches(@"^20261201T023000\d{7}Z-\d{6}-[0-9a-f]{8}\.eml$", Path.GetFileName(f)));
        Assert.Contains("Cảm ơn chị đã đặt bình gốm men lam.\r\n", await File.ReadAllTextAsync(files[0]), StringComparison.Ordinal);
        var first = await MimeMessage.LoadAsync(files[0]);
        var second = await MimeMessage.LoadAsync(files[1]);
        Assert.Equal(("Thư thứ nhất: đặt hàng", "Thư thứ hai: giao hàng"), (first.Subject, second.Subject));
        Assert.Equal("hoa@example.vn", Assert.IsType<MailboxAddress>(Assert.Single(first.To)).Address);
        Assert.Equal(TextBody, Normalized(first.TextBody));
        Assert.Equal(HtmlBody, Normalized(first.HtmlBody));
        Assert.Null(second.HtmlBody);
    }

    [Fact]
    public async Task One_pass_sends_a_queue_longer_than_a_batch()
    {
        await UseAsync(new Dictionary<string, string?> { ["Email:Mode"] = "Pickup" });
        var queued = OutboxDelivery.BatchSize + 5;
        for (var i = 1; i <= queued; i++)
        {
            await EnqueueAsync($"Thư {i}", htmlBody: null);
        }

        Assert.Equal(new EmailDispatchResult(queued, 0), await DispatchAsync());

        Assert.Equal(queued, Directory.GetFiles(_services.Get<PickupEmailTransport>().Directory).Length);
        Assert.Equal(new EmailDispatchResult(0, 0), await DispatchAsync());
    }

    [Fact]
    public async Task While_the_server_is_down_the_email_waits_with_its_error_then_goes_exactly_once()
    {
        await UseSmtpAsync(serverUp: false);
        var id = await EnqueueAsync(Subject, HtmlBody);

        var whileDown = await DispatchAsync();

        Assert.Equal(new EmailDispatchResult(0, 1), whileDown);
        var failed = await RowAsync(id);
        Assert.Equal((1, (DateTime?)null, Now.AddSeconds(30)), (failed.Attempts, failed.SentAt, failed.NextAttemptAt));
        Assert.False(string.IsNullOrWhiteSpace(failed.LastError));

        await _smtp.StartAsync();
        Assert.Equal(new EmailDispatchResult(0, 0), await DispatchAsync());
        Assert.Empty(_smtp.Messages);

        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(new EmailDispatchResult(1, 0), await DispatchAsync());
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new EmailDispatchResult(0, 0), await DispatchAsync());

        Assert.Equal(Subject, Assert.Single(_smtp.Messages).Subject);
        var sent = await RowAsync(id);
        Assert.Equal((2, (DateTime?)Now.AddHours(-1)), (sent.Attempts, sent.SentAt));
    }

    [Fact]
    public async Task Retries_back_off_and_stop_after_the_last_attempt_leaving_the_email_with_its_error()
    {
        await UseSmtpAsync(serverUp: false);
        var id = await EnqueueAsync(Subject, HtmlBody);
        var waits = new List<TimeSpan>();

        for (var attempt = 1; attempt <= EmailRetryPolicy.MaxAttempts; attempt++)
        {
            Assert.Equal(new EmailDispatchResult(0, 1), await DispatchAsync());
            var row = await RowAsync(id);
            waits.Add(row.NextAttemptAt - Now);
            _clock.Advance(row.NextAttemptAt - Now + TimeSpan.FromSeconds(1));
        }

        Assert.Equal(
            [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1),
             TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.Zero],
            waits);
        await _smtp.StartAsync();
        _clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(new EmailDispatchResult(0, 0), await DispatchAsync());
        Assert.Empty(_smtp.Messages);
        var given = await RowAsync(id);
        Assert.Equal((EmailRetryPolicy.MaxAttempts, (DateTime?)null), (given.Attempts, given.SentAt));
        Assert.NotNull(given.LastError);
    }

    [Fact]
    public async Task A_dispatcher_with_a_stale_view_cannot_take_an_email_another_one_is_handling()
    {
        await UseSmtpAsync(serverUp: true);
        var ids = new List<long>();
        foreach (var n in new[] { 1, 2, 3 })
        {
            ids.Add(await EnqueueAsync($"Đơn hàng {n}", htmlBody: null));
        }

        // The outer pass reads all three and claims the first; while it sends, another dispatcher claims the second
        // and fails it. The outer pass's view of the second is then stale: it must leave it to its back-off.
        EmailDispatchResult? inner = null;
        var interrupted = new InterruptedTransport(_services.Get<SmtpEmailTransport>(), async () =>
            inner ??= await PassAsync(new InterruptedTransport(null, () => throw new IOException("Connection refused"))));
        var outer = await PassAsync(interrupted);

        Assert.Equal((new EmailDispatchResult(2, 0), new EmailDispatchResult(0, 1)), (outer, inner));
        Assert.Equal(["Đơn hàng 1", "Đơn hàng 3"], _smtp.Messages.Select(m => m.Subject).Order(StringComparer.Ordinal));
        var failed = await RowAsync(ids[1]);
        Assert.Equal((1, (DateTime?)null, Now.AddSeconds(30)), (failed.Attempts, failed.SentAt, failed.NextAttemptAt));

        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(new EmailDispatchResult(1, 0), await DispatchAsync());
        Assert.Equal(["Đơn hàng 1", "Đơn hàng 2", "Đơn hàng 3"], _smtp.Messages.Select(m => m.Subject).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_email_exists_only_once_the_callers_changes_are_saved()
    {
        await UseSmtpAsync(serverUp: true);
        var outbox = _services.Get<EmailOutbox>();

        await _services.InScopeAsync(sp =>
        {
            outbox.Enqueue(sp.GetRequiredService<AppDbContext>(), Recipient, "Không bao giờ lưu", TextBody);
            return Task.CompletedTask;
        });

        Assert.Equal(new EmailDispatchResult(0, 0), await DispatchAsync());
        await _services.InScopeAsync(async sp => Assert.Equal(0, await sp.GetRequiredService<AppDbContext>().OutboxEmails.CountAsync()));
        await using var db = _services.Database.CreateContext();
        Assert.Throws<ArgumentException>(() => outbox.Enqueue(db, "not an address", Subject, TextBody));
    }

    [Fact]
    public async Task The_site_dispatcher_sends_a_queued_email_in_the_background()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var site = new SiteFactory(database, new Dictionary<string, string?>(_smtp.Settings)
        {
            ["Database:ImportContentOnStartup"] = "false",
        });
        await _smtp.StartAsync();
        using var client = await site.CreateReadyClientAsync();

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
            outbox.Enqueue(db, Recipient, Subject, TextBody, HtmlBody);
            await db.SaveChangesAsync();
            outbox.WakeDispatcher();
        }

        var message = await _smtp.WaitForMessageAsync(m => m.Subject == Subject);
        Assert.Equal("VillageCraftPortal", Assert.IsType<MailboxAddress>(Assert.Single(message.From)).Name);
    }

    [Fact]
    public async Task The_site_refuses_to_start_in_Smtp_mode_without_a_host()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var site = new SiteFactory(database, new Dictionary<string, string?> { ["Email:Mode"] = "Smtp" });

        var error = Assert.ThrowsAny<Exception>(() => site.Services);

        var validation = Assert.IsType<OptionsValidationException>(error is AggregateException a ? a.InnerException : error);
        Assert.Contains("Email:Smtp:Host", validation.Message, StringComparison.Ordinal);
    }

    private Task UseSmtpAsync(bool serverUp) => UseAsync(new Dictionary<string, string?>(_smtp.Settings)
    {
        ["Email:From"] = "Làng nghề Việt <no-reply@vcp.test>",
    }, serverUp);

    private async Task UseAsync(IReadOnlyDictionary<string, string?> settings, bool serverUp = false)
    {
        _services = await ServiceHarness.CreateAsync(kind, _clock, settings);
        if (serverUp)
        {
            await _smtp.StartAsync();
        }
    }

    private Task<long> EnqueueAsync(string subject, string? htmlBody) =>
        _services.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var email = sp.GetRequiredService<EmailOutbox>().Enqueue(db, Recipient, subject, TextBody, htmlBody);
            await db.SaveChangesAsync();
            return email.Id;
        });

    private Task<EmailDispatchResult> DispatchAsync() =>
        _services.Get<EmailDispatcher>().DispatchDueAsync(CancellationToken.None);

    private Task<OutboxEmail> RowAsync(long id) =>
        _services.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().OutboxEmails.AsNoTracking().SingleAsync(e => e.Id == id));

    /// <summary>A received body as sent: SMTP and .eml files carry CRLF line ends and may add a final one.</summary>
    private static string Normalized(string? body) => Assert.IsType<string>(body).ReplaceLineEndings("\n").TrimEnd();

    /// <summary>One pass of the dispatcher through <paramref name="transport"/>, in its own scope (its own DbContext).</summary>
    private Task<EmailDispatchResult> PassAsync(IEmailTransport transport) =>
        _services.InScopeAsync(sp => ActivatorUtilities.CreateInstance<OutboxDelivery>(sp, transport).SendDueAsync(CancellationToken.None));

    /// <summary>Runs something before each send (as another instance might, in the middle of a pass), then sends if it can.</summary>
    private sealed class InterruptedTransport(IEmailTransport? inner, Func<Task> interruption) : IEmailTransport
    {
        public IEmailTransportSession OpenSession() => new Session(inner?.OpenSession(), interruption);

        private sealed class Session(IEmailTransportSession? inner, Func<Task> interruption) : IEmailTransportSession
        {
            public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
            {
                await interruption();
                await (inner?.SendAsync(message, cancellationToken) ?? Task.CompletedTask);
            }

            public ValueTask DisposeAsync() => inner?.DisposeAsync() ?? ValueTask.CompletedTask;
        }
    }
}

public sealed class EmailTestsOnSqlite() : EmailTests(DatabaseKind.Sqlite);

public sealed class EmailTestsOnPostgres() : EmailTests(DatabaseKind.Postgres);
