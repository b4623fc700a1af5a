using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace VillageCraftPortal.Site.Tests.Infrastructure;

/// <summary>A file chosen in a file input.</summary>
public sealed record UploadFile(string Field, string FileName, string ContentType, byte[] Bytes);

/// <summary>Where a loaded form posts and what it holds.</summary>
public sealed record LoadedForm(string Action, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    /// <summary>The fields with some values typed over (or added).</summary>
    public List<KeyValuePair<string, string>> With(Dictionary<string, string> changes) =>
        [.. Fields.Where(f => !changes.ContainsKey(f.Key)), .. changes.Select(c => new KeyValuePair<string, string>(c.Key, c.Value))];
}

/// <summary>
/// A browser-like HTTP client for the backoffice: it keeps the cookies, reads forms the way a browser would
/// submit them (antiforgery token included) and posts them back with a person's changes.
/// </summary>
public sealed class StaffClient(HttpClient http) : IDisposable
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    public HttpClient Http { get; } = http;

    public async Task SignInAsync(string email, string password)
    {
        using var response = await SubmitAsync("/backoffice/sign-in", "form", new() { ["Email"] = email, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {email} answered {(int)response.StatusCode}: {await BodyStartAsync(response)}");
    }

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(new Uri(path, UriKind.Relative));

    public Task<IDocument> GetDocumentAsync(string path) => Http.GetDocumentAsync(path);

    /// <summary>
    /// Loads the page, takes the form that matches the selector (the one containing a button of that handler when
    /// <paramref name="handler"/> is given), applies the changes and posts it as the button would.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, string formSelector, Dictionary<string, string> changes, string? handler = null)
    {
        var form = await ReadFormAsync(path, formSelector, handler);
        return await PostAsync(form.Action, form.With(changes));
    }

    /// <summary>A form as loaded now, to be posted later (e.g. after someone else saved the same page).</summary>
    public async Task<LoadedForm> ReadFormAsync(string path, string formSelector, string? handler = null)
    {
        var page = await GetDocumentAsync(path);
        var form = FindForm(page, formSelector, handler);
        var fields = FieldsOf(form);
        return new LoadedForm(ActionOf(form, path, handler, fields), fields);
    }

    /// <summary>Where the form posts when that handler's button is pressed (a formaction wins, as in a browser).</summary>
    private static string ActionOf(IHtmlFormElement form, string path, string? handler, List<KeyValuePair<string, string>> fields)
    {
        var formAction = form.GetAttribute("action") is { Length: > 0 } a ? a : path;
        if (handler is null)
        {
            return formAction;
        }

        var button = form.QuerySelectorAll("[formaction]").FirstOrDefault(b => HasHandler(b.GetAttribute("formaction"), handler));
        if (button is not null)
        {
            return button.GetAttribute("formaction")!;
        }

        if (form.QuerySelectorAll("button[name=handler], input[name=handler]").Any(b => b.GetAttribute("value") == handler))
        {
            fields.Add(new("handler", handler));
        }

        return formAction;
    }

    private static bool HasHandler(string? url, string handler) =>
        url is not null && url.Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase);

    public async Task<HttpResponseMessage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await Http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>A multipart post, as a form with file inputs sends it.</summary>
    public async Task<HttpResponseMessage> PostFilesAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<UploadFile> files)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Bytes);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
            content.Add(part, file.Field, file.FileName);
        }

        return await Http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>The antiforgery token of a page this user can see, for posts built by hand.</summary>
    public async Task<string> AntiforgeryTokenAsync(string path = "/backoffice")
    {
        var page = await GetDocumentAsync(path);
        return page.QuerySelector<IHtmlInputElement>($"input[name={AntiforgeryField}]")?.Value
            ?? throw new InvalidOperationException($"{path} has no antiforgery token.");
    }

    public static IHtmlFormElement FindForm(IDocument page, string formSelector, string? handler)
    {
        var forms = page.QuerySelectorAll<IHtmlFormElement>(formSelector);
        var form = handler is null
            ? forms.FirstOrDefault()
            : forms.FirstOrDefault(f => f.QuerySelectorAll("button[name=handler], input[name=handler]").Any(b => b.GetAttribute("value") == handler)
                || f.QuerySelectorAll("[formaction]").Any(b => HasHandler(b.GetAttribute("formaction"), handler))
                || HasHandler(f.GetAttribute("action"), handler));
        return form ?? throw new InvalidOperationException($"No form '{formSelector}' with handler '{handler}' on {page.Url}: {page.Title}");
    }

    /// <summary>What a browser would send: named, enabled controls; checked boxes; selected options.</summary>
    public static List<KeyValuePair<string, string>> FieldsOf(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            if (element.GetAttribute("name") is not { Length: > 0 } name || element.HasAttribute("disabled"))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(name, input.Value));
                    }

                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "file" or "image" or "reset":
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
            }
        }

        return fields;
    }

    /// <summary>The current value of a named control on a page (input, textarea or select).</summary>
    public static string? FieldValue(IDocument page, string name) => page.QuerySelector($"[name='{name}']") switch
    {
        IHtmlInputElement input => input.Value,
        IHtmlTextAreaElement area => area.Value,
        IHtmlSelectElement select => select.Value,
        _ => null,
    };

    public static async Task<string> BodyStartAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return body[..Math.Min(body.Length, 800)];
    }

    public void Dispose() => Http.Dispose();
}
