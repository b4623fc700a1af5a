using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Payments;
using VillageCraftPortal.Commerce.Payments.VietQr;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Features.Orders.Emails;
using VillageCraftPortal.Web.Infrastructure.Email;

namespace VillageCraftPortal.Site.Tests.Features.Orders;

/// <summary>
/// The buyer's order emails end to end, on each database: an order placed (or paid, refunded, shipped, cancelled)
/// writes a notice, the order email job turns it into an email in the buyer's language, and the email dispatcher
/// delivers it to a real SMTP server, once.
/// </summary>
public abstract class OrderEmailTests(DatabaseKind kind) : IAsyncLifetime
{
    public const string BankBin = "970436";
    public const string AccountNumber = "1023456789";

    private readonly FakeTimeProvider _clock = new(SeededSite.FixedNow);
    private SmtpListener _smtp = null!;
    private ServiceHarness _services = null!;
    private OrderFixture _orders = null!;

    public static Dictionary<string, string?> BankSettings => new()
    {
        ["BankTransfer:BankBin"] = BankBin,
        ["BankTransfer:BankName"] = "Vietcombank",
        ["BankTransfer:AccountNumber"] = AccountNumber,
        ["BankTransfer:AccountName"] = "TRUNG TAM THIET KE SANG TAO",
    };

    public async Task InitializeAsync()
    {
        _smtp = await SmtpListener.StartNewAsync();
        _services = await ServiceHarness.CreateAsync(kind, _clock, new Dictionary<string, string?>(_smtp.Settings.Concat(BankSettings)));
        _orders = new OrderFixture(_services.Services);
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task A_bank_transfer_order_gets_a_Vietnamese_email_with_the_amounts_the_transfer_details_and_its_VietQR_code()
    {
        var order = await _orders.PlaceAsync("vi", PaymentMethod.BankTransfer);

        var message = Assert.Single(await SendAsync());

        Assert.Equal("lan@example.vn", Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Address);
        Assert.Equal($"Đã nhận đơn hàng {order.Number}", message.Subject);
        var text = Text(message);
        var vase = order.Lines.Single(l => l.VillageCode == "bat-trang");
        Assert.All(
            new[]
            {
                "Xin chào Nguyễn Thị Lan,",
                $"Chúng tôi đã nhận được đơn hàng {order.Number} của bạn lúc 09:30, 1/12/2026 (giờ Hà Nội).",
                "trước 09:30, 2/12/2026 (giờ Hà Nội)",
                "Ngân hàng: Vietcombank\nChủ tài khoản: TRUNG TAM THIET KE SANG TAO\nSố tài khoản: 1023456789\nSố tiền: 2.925.000 ₫\n"
                    + $"Nội dung chuyển khoản: {order.Number}\n",
                $"- {vase.ProductName} (Cỡ lớn · Men lam): 2 × 1.250.000 ₫ = 2.500.000 ₫",
                "Tạm tính: 2.880.000 ₫\nPhí giao hàng: 45.000 ₫\nTổng cộng: 2.925.000 ₫\nĐã bao gồm thuế GTGT: 265.909 ₫\n",
                "Hình thức giao hàng: Giao hàng toàn quốc",
                "Địa chỉ giao hàng: 1 Tràng Tiền, Phường Hoàn Kiếm, Hà Nội",
                "Hình thức thanh toán: Chuyển khoản ngân hàng (VietQR)",
                "Tra cứu đơn hàng: http://localhost:5000/vi/tra-cuu-don-hang",
            },
            expected => Assert.Contains(expected, text, StringComparison.Ordinal));
        Assert.StartsWith("Sản phẩm thử", vase.ProductName, StringComparison.Ordinal);

        // The code travels inside the email (multipart/related), shown by the HTML through its Content-ID.
        var related = Assert.IsType<MultipartRelated>(Assert.IsType<MultipartAlternative>(message.Body)[1]);
        var image = Assert.Single(related.OfType<MimePart>(), p => p.ContentType.MimeType == "image/png");
        Assert.Equal($"vietqr.{order.Number}@vcp", image.ContentId);
        Assert.Contains($"<img src=\"cid:vietqr.{order.Number}@vcp\" alt=\"Mã VietQR: chuyển 2.925.000 ₫ vào tài khoản 1023456789, nội dung {order.Number}\" width=\"240\" height=\"240\"", message.HtmlBody, StringComparison.Ordinal);
        var expected = VietQrPayload.Create(new VietQrTransfer(BankBin, AccountNumber, OrderFixture.Total, order.Number)).Payload!;
        var parsed = VietQrParser.Parse(expected.Text).Data!;
        Assert.Equal((OrderFixture.Total, order.Number, BankBin, AccountNumber), (parsed.Amount, parsed.Reference, parsed.BankBin, parsed.AccountNumber));
        using var png = new MemoryStream();
        await image.Content!.DecodeToAsync(png);
        Assert.Equal(VietQrImage.ToPng(expected), png.ToArray());
    }

    [Fact]
    public async Task An_English_cash_on_delivery_order_gets_an_English_email_with_English_amounts_and_no_code()
    {
        var order = await _orders.PlaceAsync("en", PaymentMethod.CashOnDelivery, email: "jane@example.com", name: "Jane Doe");

        var message = Assert.Single(await SendAsync());

        Assert.Equal($"We have received your order {order.Number}", message.Subject);
        var text = Text(message);
        var vase = order.Lines.Single(l => l.VillageCode == "bat-trang");
        Assert.All(
            new[]
            {
                "Hello Jane Doe,",
                $"We received your order {order.Number} on 1 December 2026, 09:30 (Hà Nội time).",
                "You will pay ₫2,925,000 in cash when you receive your order.",
                $"- {vase.ProductName} (Large · Blue glaze): 2 × ₫1,250,000 = ₫2,500,000",
                "Subtotal: ₫2,880,000\nDelivery: ₫45,000\nTotal: ₫2,925,000\nVAT included: ₫265,909\n",
                "Delivery address: 1 Tràng Tiền, Phường Hoàn Kiếm, Hanoi",
                "Payment method: Cash on delivery",
                "Check your order: http://localhost:5000/en/order-status",
            },
            expected => Assert.Contains(expected, text, StringComparison.Ordinal));
        Assert.StartsWith("Test product", vase.ProductName, StringComparison.Ordinal);
        Assert.DoesNotContain("Chuyển khoản", text, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(">VAT included</th><td style=\"padding:4px 0\">₫265,909</td>", message.HtmlBody, StringComparison.Ordinal);
        Assert.IsType<MultipartAlternative>(message.Body);
        Assert.DoesNotContain(message.BodyParts, p => p.ContentType.MediaType == "image");
    }

    [Fact]
    public async Task Payment_refund_shipping_and_cancellation_each_send_their_own_email_in_the_buyers_language()
    {
        var paid = await _orders.PlaceAsync("vi", PaymentMethod.BankTransfer);
        var unpaid = await _orders.PlaceAsync("en", PaymentMethod.BankTransfer, email: "tom@example.com", name: "Tom");
        await SendAsync();
        await ChangeAsync(sp => sp.GetRequiredService<OrderPayments>().MarkPaidAsync(paid.Id, "staff:hoa", "VCB statement", CancellationToken.None));
        await ChangeAsync(sp => sp.GetRequiredService<OrderPayments>().RecordRefundAsync(paid.Id, 380_000, "staff:hoa", CancellationToken.None));
        await ChangeAsync(sp => sp.GetRequiredService<OrderPayments>().CancelUnpaidAsync(unpaid.Id, PaymentReconciliation.Actor, "hold expired", CancellationToken.None));
        var shippedAt = _clock.GetUtcNow().UtcDateTime.AddHours(3);
        var batTrang = paid.Fulfilments.Single(f => f.VillageCode == "bat-trang").Id;
        await _orders.InScopeAsync(async (_, db) =>
        {
            // What the backoffice's fulfilment service writes when a centre hands its parcel to the carrier.
            await db.Set<Fulfilment>().Where(f => f.Id == batTrang).ExecuteUpdateAsync(s => s
                .SetProperty(f => f.Carrier, "Viettel Post").SetProperty(f => f.TrackingNumber, "VTP123456789VN").SetProperty(f => f.ShippedAt, shippedAt));
            db.Add(new OrderNotice { OrderId = paid.Id, Kind = NoticeKind.Shipped, FulfilmentId = batTrang, CreatedAt = shippedAt });
            await db.SaveChangesAsync();
        });

        var messages = await SendAsync();

        Assert.Equal(
            [$"Đã nhận thanh toán cho đơn hàng {paid.Number}", $"Hoàn tiền cho đơn hàng {paid.Number}", $"Your order {unpaid.Number} has been cancelled", $"Đơn hàng {paid.Number} đã được gửi đi"],
            messages.Select(m => m.Subject));
        Assert.Contains($"Chúng tôi đã nhận được 2.925.000 ₫ cho đơn hàng {paid.Number}.", Text(messages[0]), StringComparison.Ordinal);
        Assert.Contains("Số tiền hoàn lần này: 380.000 ₫\nTổng số tiền đã hoàn: 380.000 ₫\nTổng cộng: 2.925.000 ₫\n", Text(messages[1]), StringComparison.Ordinal);
        Assert.Contains($"Order {unpaid.Number} has been cancelled because payment was not completed while the items were held for you", Text(messages[2]), StringComparison.Ordinal);
        Assert.Equal("tom@example.com", Assert.IsType<MailboxAddress>(Assert.Single(messages[2].To)).Address);
        var shipped = Text(messages[3]);
        Assert.Contains("Đơn vị vận chuyển: Viettel Post\nMã vận đơn: VTP123456789VN\nGửi lúc: 12:30, 1/12/2026\n", shipped, StringComparison.Ordinal);
        Assert.Contains(paid.Lines.Single(l => l.VillageCode == "bat-trang").ProductName, shipped, StringComparison.Ordinal);
        Assert.DoesNotContain(paid.Lines.Single(l => l.VillageCode == "van-phuc").ProductName, shipped, StringComparison.Ordinal);
        Assert.Contains("Các phần còn lại của đơn hàng được gửi riêng", shipped, StringComparison.Ordinal);
        Assert.Contains("<td style=\"padding:4px 0\">VTP123456789VN</td>", messages[3].HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_the_job_again_sends_nothing_twice()
    {
        var first = await _orders.PlaceAsync("vi", PaymentMethod.CashOnDelivery);
        var second = await _orders.PlaceAsync("en", PaymentMethod.CashOnDelivery, email: "jane@example.com");

        var once = await SendAsync();
        var twice = await SendAsync();

        Assert.Equal(2, once.Count);
        Assert.Empty(twice);
        Assert.Equal([first.Number, second.Number], _smtp.Messages.Select(m => (m.Subject ?? string.Empty).Split(' ')[^1]));
        var (outbox, unsent) = await _orders.InScopeAsync(async (_, db) =>
            (await db.OutboxEmails.CountAsync(), await db.Set<OrderNotice>().CountAsync(n => n.SentAt == null)));
        Assert.Equal((2, 0), (outbox, unsent));
    }

    [Fact]
    public async Task Two_instances_running_at_once_queue_each_notice_exactly_once()
    {
        for (var i = 0; i < 6; i++)
        {
            await _orders.PlaceAsync("vi", PaymentMethod.CashOnDelivery, email: $"buyer{i}@example.vn", twoCentres: false);
        }

        var job = _services.Get<OrderEmailJob>();
        var passes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => job.RunOnceAsync(CancellationToken.None))));

        Assert.Equal(6, passes.Sum(p => p.Queued));
        var recipients = await _orders.InScopeAsync((_, db) => db.OutboxEmails.Select(e => e.To).ToListAsync());
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"buyer{i}@example.vn"), recipients.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_order_that_cannot_be_emailed_is_set_aside_without_holding_up_the_others()
    {
        var broken = await _orders.PlaceAsync("vi", PaymentMethod.CashOnDelivery, email: "not an address", twoCentres: false);
        var fine = await _orders.PlaceAsync("vi", PaymentMethod.CashOnDelivery, twoCentres: false);

        var pass = await _services.Get<OrderEmailJob>().RunOnceAsync(CancellationToken.None);
        await _services.Get<EmailDispatcher>().DispatchDueAsync(CancellationToken.None);

        Assert.Equal(new OrderNoticePass(1, 1), pass);
        Assert.Equal($"Đã nhận đơn hàng {fine.Number}", Assert.Single(_smtp.Messages).Subject);
        var notice = await _orders.InScopeAsync((_, db) => db.Set<OrderNotice>().AsNoTracking().SingleAsync(n => n.OrderId == broken.Id));
        Assert.Null(notice.SentAt);
        Assert.Contains("not an address", notice.Problem, StringComparison.Ordinal);
        Assert.Equal(new OrderNoticePass(0, 0), await _services.Get<OrderEmailJob>().RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task What_buyers_typed_is_encoded_in_the_HTML()
    {
        const string name = "<script>alert('x')</script> & \"Hoa\"";
        await _orders.PlaceAsync("vi", PaymentMethod.CashOnDelivery, name: name, twoCentres: false);

        var message = Assert.Single(await SendAsync());

        Assert.Contains($"Xin chào {name},", Text(message), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Xin chào &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;Hoa&quot;,", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_outbox_refuses_inline_images_it_cannot_carry_safely()
    {
        var outbox = _services.Get<EmailOutbox>();
        await using var db = _services.Database.CreateContext();
        InlineImage[] refused =
        [
            new("qr>\r\nBcc: x@evil.test", "qr.png", "image/png", [1]),
            new("qr@vcp", "../qr.png", "image/png", [1]),
            new("qr@vcp", "qr.html", "text/html", [1]),
            new("qr@vcp", "qr.png", "image/png", new byte[EmailOutbox.MaxInlineImageBytes + 1]),
        ];

        Assert.All(refused, image => Assert.Throws<ArgumentException>(() => outbox.Enqueue(db, "a@example.vn", "Đơn hàng", "text", "<p>html</p>", [image])));
        Assert.Throws<ArgumentException>(() => outbox.Enqueue(db, "a@example.vn", "Đơn hàng", "text", null, [new("qr@vcp", "qr.png", "image/png", [1])]));
    }

    /// <summary>Runs the order email job and the dispatcher once; returns what arrived at the SMTP server meanwhile.</summary>
    private async Task<List<MimeMessage>> SendAsync()
    {
        var before = _smtp.Messages.Count;
        await _services.Get<OrderEmailJob>().RunOnceAsync(CancellationToken.None);
        await _services.Get<EmailDispatcher>().DispatchDueAsync(CancellationToken.None);
        return [.. _smtp.Messages.Skip(before)];
    }

    /// <summary>A payment change saved as its callers save it: inside a transaction with the notice it writes.</summary>
    private Task ChangeAsync(Func<IServiceProvider, Task<PaymentOutcome>> change) =>
        _orders.InScopeAsync(async (sp, db) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.Equal(PaymentOutcome.Applied, await change(sp));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });

    private static string Text(MimeMessage message) => Assert.IsType<string>(message.TextBody).ReplaceLineEndings("\n");
}

public sealed class OrderEmailTestsOnSqlite() : OrderEmailTests(DatabaseKind.Sqlite);

public sealed class OrderEmailTestsOnPostgres() : OrderEmailTests(DatabaseKind.Postgres);
