using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace VillageCraftPortal.Bench.Orders;

/// <summary>
/// One buyer with a cookie jar, doing what a person does: opens a product page and adds it to the cart, fills in the
/// checkout form, chooses cash on delivery on the review page and places the order. Forms are read from the pages,
/// so antiforgery tokens and hidden fields are the real ones.
/// </summary>
public sealed class HttpBuyer(Uri baseUrl, IReadOnlyList<string> aliases, int number) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    private readonly HttpClient _http = new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private readonly Dictionary<string, string> _details = new(StringComparer.Ordinal)
    {
        ["Name"] = $"Khách thử {number}",
        ["Email"] = $"buyer{number}@bench.local",
        ["Phone"] = "0912345678",
        ["ProvinceCode"] = "ha-noi",
        ["Ward"] = "Phường Hoàn Kiếm",
        ["AddressLine"] = "12 Hàng Bạc",
    };

    private int _next = number;

    public async Task<bool> PlaceOrderAsync()
    {
        try
        {
            var alias = aliases[_next++ % aliases.Count];
            var product = await PageAsync($"/vi/san-pham/{alias}");
            var add = Form(product, f => f.Action.Contains("handler=add", StringComparison.OrdinalIgnoreCase));
            using (await SubmitAsync(add, []))
            {
            }

            var checkout = await PageAsync("/vi/thanh-toan");
            var details = Form(checkout, f => f.ClassList.Contains("checkout-form"));
            using var toReview = await SubmitAsync(details, _details);
            var review = Parser.ParseDocument(await toReview.Content.ReadAsStringAsync());
            var place = Form(review, f => f.QuerySelector("input[name=Payment]") is not null);
            var cod = place.Elements.OfType<IHtmlInputElement>().Where(i => i.Name == "Payment").First(i => i.Value.Contains("Cash", StringComparison.OrdinalIgnoreCase));
            using var placed = await SubmitAsync(place, new() { ["Payment"] = cod.Value });
            return placed.IsSuccessStatusCode && placed.RequestMessage!.RequestUri!.AbsolutePath.Contains("/xac-nhan/", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<IHtmlDocument> PageAsync(string path) =>
        Parser.ParseDocument(await _http.GetStringAsync(new Uri(path, UriKind.Relative)));

    private static IHtmlFormElement Form(IHtmlDocument page, Func<IHtmlFormElement, bool> match) =>
        page.Forms.FirstOrDefault(match) ?? throw new InvalidOperationException($"No such form on {page.Title}.");

    /// <summary>Posts what a browser would: every named control's current value, with <paramref name="values"/> filled in.</summary>
    private async Task<HttpResponseMessage> SubmitAsync(IHtmlFormElement form, Dictionary<string, string> values)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "radio" or "checkbox" } box:
                    if (values.TryGetValue(name, out var chosen) ? box.Value == chosen : box.IsChecked || (box.Type == "radio" && FirstRadio(form, name) == box))
                    {
                        fields.Add(new(name, box.Value));
                    }

                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, values.GetValueOrDefault(name, input.Value)));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, values.GetValueOrDefault(name, select.Value ?? string.Empty)));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, values.GetValueOrDefault(name, area.Value)));
                    break;
            }
        }

        using var content = new FormUrlEncodedContent(fields);
        return await _http.PostAsync(new Uri(form.GetAttribute("action") ?? string.Empty, UriKind.Relative), content);
    }

    /// <summary>A radio group with nothing checked gets its first enabled option, as a person would pick one.</summary>
    private static IHtmlInputElement? FirstRadio(IHtmlFormElement form, string name) =>
        form.Elements.OfType<IHtmlInputElement>().Any(i => i.Type == "radio" && i.Name == name && i.IsChecked)
            ? null
            : form.Elements.OfType<IHtmlInputElement>().FirstOrDefault(i => i.Type == "radio" && i.Name == name && !i.IsDisabled);
}
