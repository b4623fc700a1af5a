using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Features.Shop;
using static Microsoft.Playwright.Assertions;

namespace VillageCraftPortal.Site.Tests.E2E.Shop;

/// <summary>
/// A buyer in Chromium puts Bát Tràng ceramics and Vạn Phúc silk in the cart, checks out with cash on delivery, sees
/// the confirmation and gets the email; Bát Tràng's staff then see only their line and ship it with tracking.
/// </summary>
[Collection(BackofficeBrowserGroup.Name)]
public sealed partial class ShopJourneyTests(BackofficeBrowserSite site) : IClassFixture<BackofficeBrowserSite>
{
    private static readonly AxeRunOptions Wcag22 = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    [Fact]
    public async Task A_buyer_orders_from_two_centres_with_cash_on_delivery_and_Bat_Trang_ships_its_part()
    {
        var ceramics = await SeedProductAsync("bat-trang");
        var silk = await SeedProductAsync("van-phuc");
        var buyer = await site.NewPageAsync();
        const string email = "lan.nguyen@example.test";

        foreach (var product in new[] { ceramics, silk })
        {
            await buyer.GotoAsync(site.Url(ShopPaths.Product("vi", product.Alias)));
            await buyer.GetByRole(AriaRole.Button, new() { Name = Store("store.addToCart"), Exact = true }).ClickAsync();
            await Expect(buyer.GetByRole(AriaRole.Main)).ToContainTextAsync(product.NameVi);
        }

        await buyer.GotoAsync(site.Url(ShopPaths.Checkout("vi")));
        await AssertAccessibleAsync(buyer);
        await buyer.GetByLabel(Store("checkout.field.Name")).FillAsync("Nguyễn Thị Lan");
        await buyer.GetByLabel(Store("checkout.field.Email")).FillAsync(email);
        await buyer.GetByLabel(Store("checkout.field.Phone")).FillAsync("0912 345 678");
        await buyer.GetByLabel(Store("checkout.field.ProvinceCode")).SelectOptionAsync("ha-noi");
        await buyer.GetByLabel(Store("checkout.field.Ward")).FillAsync("Phường Hoàn Kiếm");
        await buyer.GetByLabel(Store("checkout.field.AddressLine")).FillAsync("12 Hàng Bạc");
        await buyer.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^" + Regex.Escape(Store("checkout.delivery.hanoi-courier"))) }).CheckAsync();
        await buyer.GetByRole(AriaRole.Button, new() { Name = Store("checkout.continue") }).ClickAsync();
        await buyer.GetByRole(AriaRole.Radio, new() { Name = Store("checkout.payment.CashOnDelivery") }).CheckAsync();
        await buyer.GetByRole(AriaRole.Button, new() { NameRegex = PlaceOrder() }).ClickAsync();

        var heading = buyer.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(heading).ToContainTextAsync(OrderNumberPattern());
        await AssertAccessibleAsync(buyer);
        var number = OrderNumberPattern().Match(await heading.InnerTextAsync()).Value;
        var order = await site.QueryAsync(db => db.Set<Order>().Include(o => o.Lines).Include(o => o.Fulfilments).SingleAsync(o => o.Number == number));
        Assert.Equal((OrderStatus.Confirmed, PaymentMethod.CashOnDelivery), (order.Status, order.PaymentMethod));
        Assert.Equal(["bat-trang", "van-phuc"], order.Fulfilments.Select(f => f.VillageCode).Order());
        var received = await site.Mail.WaitForMessageAsync(m => m.To.ToString().Contains(email, StringComparison.Ordinal) && (m.Subject ?? "").Contains(number, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Contains(ceramics.NameVi, received.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains(silk.NameVi, received.TextBody ?? "", StringComparison.Ordinal);

        var staff = await site.NewPageAsAsync(BackofficeSite.BatTrangEditor);
        await staff.GotoAsync(site.Url("/backoffice/orders"));
        await staff.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        var main = staff.GetByRole(AriaRole.Main);
        await Expect(main).ToContainTextAsync(ceramics.NameVi);
        await Expect(main).Not.ToContainTextAsync(silk.NameVi);
        await Expect(main).Not.ToContainTextAsync(email);
        await staff.GetByRole(AriaRole.Button, new() { Name = site.Text("bo.orders.advance.Packed") }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync(site.Text("bo.orders.done.Applied"));
        await staff.GetByLabel(site.Text("bo.orders.carrier")).FillAsync("Viettel Post");
        await staff.GetByLabel(site.Text("bo.orders.trackingNumber")).FillAsync("VTP123456789");
        await staff.GetByRole(AriaRole.Button, new() { Name = site.Text("bo.orders.advance.Shipped") }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync(site.Text("bo.orders.done.Applied"));
        await AssertAccessibleAsync(staff);

        var parcels = await site.QueryAsync(db => db.Set<Fulfilment>().Where(f => f.OrderId == order.Id).ToDictionaryAsync(f => f.VillageCode));
        Assert.Equal((OrderStatus.Shipped, "VTP123456789"), (parcels["bat-trang"].Status, parcels["bat-trang"].TrackingNumber));
        Assert.Equal(OrderStatus.Confirmed, parcels["van-phuc"].Status);
        var shipped = await site.Mail.WaitForMessageAsync(m => (m.Subject ?? "").Contains(number, StringComparison.Ordinal) && (m.TextBody ?? "").Contains("VTP123456789", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(silk.NameVi, shipped.TextBody ?? "", StringComparison.Ordinal);
    }

    private string Store(string key) => site.Text(key);

    private Task<Product> SeedProductAsync(string village) => site.QueryAsync(db => db.Set<Product>()
        .Where(p => p.VillageCode == village && p.IsListed && !p.Perishable && p.Variants.Any(v => v.Available > 2 && v.Price < 2_000_000))
        .OrderBy(p => p.Id).FirstAsync());

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag22);
        Assert.True(result.Violations.Length == 0, $"{page.Url}: " + string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    [GeneratedRegex(@"VCP-\d{4}-\d{6}", RegexOptions.IgnoreCase)]
    private static partial Regex OrderNumberPattern();

    [GeneratedRegex(@"^Đặt hàng")]
    private static partial Regex PlaceOrder();
}
