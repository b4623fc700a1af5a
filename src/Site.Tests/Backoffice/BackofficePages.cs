using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Orders;
using VillageCraftPortal.Site.Tests.Builders;
using VillageCraftPortal.Site.Tests.Infrastructure;

namespace VillageCraftPortal.Site.Tests.Backoffice;

/// <summary>A backoffice page as compiled: its page model and the route of its @page directive.</summary>
public sealed record BackofficePage(Type Model, string Route);

/// <summary>A POST handler of a page ("" for the page's plain OnPost).</summary>
public sealed record PostHandler(BackofficePage Page, string Handler);

/// <summary>
/// Every backoffice page and POST handler, found by reflection over the site's compiled Razor pages, so that a new
/// page or handler is covered by the tests that walk them without anyone adding it to a list.
/// </summary>
public static partial class BackofficePages
{
    public const string Namespace = "VillageCraftPortal.Web.Backoffice";

    public static IReadOnlyList<BackofficePage> All { get; } = Discover();

    public static IReadOnlyList<PostHandler> PostHandlers { get; } =
    [
        .. All.SelectMany(page => page.Model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))
            .Select(m => new PostHandler(page, HandlerName(m.Name)))
            .DistinctBy(h => h.Handler)),
    ];

    /// <summary>Backoffice page models that no compiled page uses (they could not be reached, so nothing tests them).</summary>
    public static IReadOnlyList<Type> ModelsWithoutPage { get; } =
    [
        .. typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PageModel)) && t.Namespace?.StartsWith(Namespace, StringComparison.Ordinal) == true)
            .Where(t => All.All(p => p.Model != t)),
    ];

    /// <summary>Values for the route parameters: a Bát Tràng page, image and order (with its parcel) every administrator can open.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> RouteValuesAsync(BackofficeSite site)
    {
        var parcel = await site.QueryAsync(db => db.Set<Fulfilment>().Where(f => f.VillageCode == "bat-trang").OrderBy(f => f.Id).FirstOrDefaultAsync());
        if (parcel is null)
        {
            var variant = await new ProductBuilder(site.Factory.Services).CreateAsync("bat-trang", price: 250_000, stock: 3);
            var order = await new OrderBuilder(site.Factory.Services).PlaceAsync(PaymentMethod.BankTransfer, (variant.Id, 1));
            parcel = await site.QueryAsync(db => db.Set<Fulfilment>().SingleAsync(f => f.OrderId == order.Id));
        }

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = Invariant(await site.DocumentIdAsync("centre-bat-trang")),
            ["key"] = (await site.QueryAsync(db => db.MediaItems.Where(m => m.Folder == "bat-trang").OrderBy(m => m.Id).Select(m => m.Key).FirstAsync())).ToString(),
            ["orderId"] = Invariant(parcel.OrderId),
            ["parcelId"] = Invariant(parcel.Id),
        };
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string PostPath(string route, string handler, IReadOnlyDictionary<string, string> routeValues) =>
        handler.Length == 0 ? Fill(route, routeValues) : $"{Fill(route, routeValues)}?handler={handler}";

    /// <summary>The route with its parameters ({id:int}, {key:guid}) filled in; an unknown parameter is an error.</summary>
    public static string Fill(string route, IReadOnlyDictionary<string, string> values) =>
        "/" + RouteParameter().Replace(route.TrimStart('/'), m => values.TryGetValue(m.Groups["name"].Value, out var value)
            ? value
            : throw new InvalidOperationException($"No test value for the route parameter '{m.Groups["name"].Value}' of {route}."));

    private static List<BackofficePage> Discover() =>
    [
        .. new RazorCompiledItemLoader().LoadItems(typeof(Program).Assembly)
            .Where(item => item.Kind == "mvc.1.0.razor-page")
            .Select(item => (
                Model: item.Type.GetProperty("Model")?.PropertyType,
                Route: item.Type.GetCustomAttributes<RazorCompiledItemMetadataAttribute>().FirstOrDefault(a => a.Key == "RouteTemplate")?.Value))
            .Where(p => p.Model?.Namespace?.StartsWith(Namespace, StringComparison.Ordinal) == true && p.Route is not null)
            .Select(p => new BackofficePage(p.Model!, p.Route!))
            .OrderBy(p => p.Route, StringComparer.Ordinal),
    ];

    private static string HandlerName(string method)
    {
        var name = method["OnPost".Length..];
        return name.EndsWith("Async", StringComparison.Ordinal) ? name[..^"Async".Length] : name;
    }

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
