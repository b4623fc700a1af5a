using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Commerce.Payments.VietQr;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Features.Shop;
using VillageCraftPortal.Web.Infrastructure;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Infrastructure.Web;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Web.Features.Orders;

/// <summary>What an unpaid bank transfer still needs: the account, the exact amount and reference, and the code.</summary>
public sealed record TransferDue(BankTransferOptions Account, VietQrPayload Payload, string QrImageUrl, DateTime? HeldUntil);

/// <summary>
/// An order's status page, shown only to a browser that looked the order up (see <see cref="OrderAccess"/>); anyone
/// else is sent to the lookup form, whether the order exists or not. Never cached anywhere, never indexed.
/// </summary>
[OutputCache(NoStore = true)]
public sealed class StatusModel(AppDbContext db, OrderAccess access, OrderWords words, BankTransfers transfers, IOptions<SiteOptions> site) : PageModel
{
    public OrderDetails Details { get; private set; } = null!;

    public Order Order => Details.Order;

    public OrderWords Words => words;

    public TransferDue? Transfer { get; private set; }

    public string Culture => SiteCulture.Current;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        Response.NeverStored();
        Response.Headers["X-Robots-Tag"] = "noindex";
        var id = OrderNumber.TryParseId(number);
        var details = id is { } orderId && access.CanSee(HttpContext, orderId) ? await OrderDetailsReader.LoadAsync(db, orderId, withHistory: true, cancellationToken) : null;
        if (details is null || !string.Equals(details.Order.Number, number.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return Redirect(ShopPaths.OrderLookup(Culture));
        }

        Details = details;
        if (transfers.PayloadFor(details.Order) is { } payload)
        {
            // An SVG in a data: URL: sharp at any size, no second request, allowed by the page's img-src.
            var svg = Convert.ToBase64String(Encoding.UTF8.GetBytes(VietQrImage.ToSvg(payload)));
            Transfer = new TransferDue(transfers.Account, payload, "data:image/svg+xml;base64," + svg, details.HeldUntil);
        }

        ViewData.SetMeta(new PageMeta
        {
            Title = $"{words.Text(Culture, "orders.status.title", Order.Number)} · {words.Text(Culture, "site.name")}",
            Culture = Culture,
            NoIndex = true,
            Alternates = [.. Cultures.All.Select(c => new AlternateLink(c, ShopPaths.OrderStatus(c, Order.Number), site.Value.Absolute(ShopPaths.OrderStatus(c, Order.Number))))],
        });
        return Page();
    }
}
