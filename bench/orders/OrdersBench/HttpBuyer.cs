using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace VillageCraftPortal.Bench.Orders;

/// <summary>
/// One buyer, doing what a person does: opens a product page and adds it to the cart, fills in the checkout form,
/// and on the review page chooses cash on delivery and places the order. Forms are read from the pages, so
/// antiforgery tokens and hidden fields are the real ones. Each cart is its own browser (its own cookies) over the
/// driver's shared connections.
/// </summary>
public sealed class HttpBuyer(HttpClient http, IReadOnlyList<string> aliases, int number)
{
    private static readonly HtmlParser Parser = new();

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

    /// <summary>The shared client the browsers go through: cookies and redirects are theirs, not the handler's.</summary>
    public static HttpClient SharedClient(Uri baseUrl) =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10), MaxConnectionsPerServer = 256 })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>The whole journey: a new cart, one product, checkout, cash on delivery.</summary>
    public async Task<bool> PlaceOrderAsync() => await PrepareAsync() is { } ready && await ready.PlaceAsync();

    /// <summary>A cart filled and checked out up to the review page; null when a step failed.</summary>
    public async Task<ReadyOrder?> PrepareAsync()
    {
        var browser = new Browser(http);
        try
        {
            var alias = aliases[_next++ % aliases.Count];
            var product = await browser.PageAsync($"/vi/san-pham/{alias}");
            await browser.SubmitAsync(Form(product, f => f.Action.Contains("handler=add", StringComparison.OrdinalIgnoreCase)), []);

            var checkout = await browser.PageAsync("/vi/thanh-toan");
            var review = Parser.ParseDocument((await browser.SubmitAsync(Form(checkout, f => f.ClassList.Contains("checkout-form")), _details)).Body);
            var place = Form(review, f => f.QuerySelector("input[name=Payment]") is not null);
            var cod = place.Elements.OfType<IHtmlInputElement>().Where(i => i.Name == "Payment").First(i => i.Value.Contains("Cash", StringComparison.OrdinalIgnoreCase));
            return new ReadyOrder(browser, Browser.Action(place), Browser.Fields(place, new() { ["Payment"] = cod.Value }));
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            return null;
        }
    }

    private static IHtmlFormElement Form(IHtmlDocument page, Func<IHtmlFormElement, bool> match) =>
        page.Forms.FirstOrDefault(match) ?? throw new InvalidOperationException($"No such form on {page.Title}.");

    /// <summary>The review page's place-order form, filled in: sending it is the cash-on-delivery order.</summary>
    public sealed class ReadyOrder(Browser browser, string action, List<KeyValuePair<string, string>> fields)
    {
        /// <summary>Sends the form and follows the redirect to the confirmation page, as the browser would.</summary>
        public async Task<bool> PlaceAsync()
        {
            try
            {
                var placed = await browser.PostAsync(action, fields);
                return placed.Status == HttpStatusCode.OK && placed.Path.Contains("/xac-nhan/", StringComparison.Ordinal);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }
    }

    /// <summary>A browser's cookies and redirects over a shared client.</summary>
    public sealed class Browser(HttpClient http)
    {
        private readonly CookieContainer _cookies = new();

        public async Task<IHtmlDocument> PageAsync(string path)
        {
            var page = await SendAsync(HttpMethod.Get, path, null);
            return page.Status == HttpStatusCode.OK ? Parser.ParseDocument(page.Body) : throw new InvalidOperationException($"GET {path}: {page.Status}");
        }

        public Task<Page> SubmitAsync(IHtmlFormElement form, Dictionary<string, string> values) => PostAsync(Action(form), Fields(form, values));

        public Task<Page> PostAsync(string action, List<KeyValuePair<string, string>> fields) => SendAsync(HttpMethod.Post, action, fields);

        public static string Action(IHtmlFormElement form) => form.GetAttribute("action") ?? string.Empty;

        /// <summary>What a browser sends: every named control's current value, with <paramref name="values"/> filled in.</summary>
        public static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form, Dictionary<string, string> values)
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

            return fields;
        }

        /// <summary>A radio group with nothing checked gets its first enabled option, as a person would pick one.</summary>
        private static IHtmlInputElement? FirstRadio(IHtmlFormElement form, string name) =>
            form.Elements.OfType<IHtmlInputElement>().Any(i => i.Type == "radio" && i.Name == name && i.IsChecked)
                ? null
                : form.Elements.OfType<IHtmlInputElement>().FirstOrDefault(i => i.Type == "radio" && i.Name == name && !i.IsDisabled);

        private async Task<Page> SendAsync(HttpMethod method, string path, List<KeyValuePair<string, string>>? fields)
        {
            var uri = new Uri(http.BaseAddress!, path);
            for (var hops = 0; hops < 5; hops++)
            {
                using var request = new HttpRequestMessage(method, uri);
                if (fields is not null)
                {
                    request.Content = new FormUrlEncodedContent(fields);
                }

                if (_cookies.GetCookieHeader(uri) is { Length: > 0 } cookie)
                {
                    request.Headers.Add("Cookie", cookie);
                }

                using var response = await http.SendAsync(request);
                if (response.Headers.TryGetValues("Set-Cookie", out var set))
                {
                    foreach (var header in set)
                    {
                        _cookies.SetCookies(uri, header);
                    }
                }

                if ((int)response.StatusCode is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
                {
                    uri = new Uri(uri, location);
                    (method, fields) = (int)response.StatusCode is 307 or 308 ? (method, fields) : (HttpMethod.Get, null);
                    continue;
                }

                return new Page(response.StatusCode, uri.AbsolutePath, await response.Content.ReadAsStringAsync());
            }

            throw new InvalidOperationException($"Too many redirects from {path}.");
        }
    }

    public sealed record Page(HttpStatusCode Status, string Path, string Body);
}
