using Microsoft.Playwright;

namespace VillageCraftPortal.Site.Tests.E2E.Backoffice;

/// <summary>
/// Watches a Chromium page for injected script: dialogs (alert, confirm, prompt), a window.__xss left behind, and a
/// scan of the DOM for what would run on a click or in another browser (event-handler attributes, script URLs,
/// foreign scripts, frames and objects, and any element in the editors' content that the allow-list does not have).
/// The page bypasses the Content-Security-Policy, so the check is of the markup, not of the CSP that also guards it.
/// </summary>
public sealed class XssProbe
{
    private const string Scan = """
        (contentSelector) => {
          const problems = [];
          const describe = (el) => el.outerHTML.replace(/\s+/g, " ").slice(0, 240);
          const squash = (value) => (value || "").replace(/[\u0000-\u0020\u007f-\u00a0]/g, "").toLowerCase();
          const urlAttributes = new Set(["href", "src", "srcset", "action", "formaction", "xlink:href", "data", "background", "poster", "lowsrc", "dynsrc", "codebase", "ping"]);
          for (const el of document.querySelectorAll("*")) {
            for (const { name, value } of el.attributes) {
              const n = name.toLowerCase();
              if (n.startsWith("on")) {
                problems.push(`event handler ${n}: ${describe(el)}`);
              } else if (n === "srcdoc") {
                problems.push(`srcdoc: ${describe(el)}`);
              } else if (n === "style" && /expression\s*\(|javascript:|url\s*\(/i.test(value)) {
                problems.push(`style: ${describe(el)}`);
              } else if (urlAttributes.has(n)) {
                const urls = n === "srcset" ? value.split(",").map((c) => c.trim().split(/\s+/)[0]) : [value];
                for (const url of urls.map(squash)) {
                  const pictureData = /^(img|source)$/.test(el.localName) && url.startsWith("data:image/") && !url.startsWith("data:image/svg");
                  if (/^(javascript|vbscript|livescript):/.test(url) || (url.startsWith("data:") && !pictureData)) {
                    problems.push(`${n}="${value}": ${describe(el)}`);
                  }
                }
              }
            }
          }
          for (const script of document.querySelectorAll("script")) {
            if (script.type === "application/ld+json") {
              try { JSON.parse(script.textContent); } catch { problems.push(`JSON-LD that does not parse: ${describe(script)}`); }
              continue;
            }
            const src = script.getAttribute("src");
            if (!src || new URL(src, location.href).origin !== location.origin || !script.closest("head")) {
              problems.push(`script: ${describe(script)}`);
            }
          }
          for (const el of document.querySelectorAll("base, meta[http-equiv='refresh' i], link[rel~='import' i], iframe, frame, frameset, object, embed, applet")) {
            problems.push(`<${el.localName}>: ${describe(el)}`);
          }
          if (contentSelector) {
            const allowed = new Set(["p", "br", "h1", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "del", "mark", "small", "sub", "sup",
              "a", "ul", "ol", "li", "blockquote", "cite", "q", "abbr", "code", "pre", "hr", "table", "caption", "thead", "tbody", "tr", "th", "td",
              "figure", "figcaption", "span", "div", "dl", "dt", "dd", "picture", "source", "img"]);
            const areas = [...document.querySelectorAll(contentSelector)];
            if (areas.length === 0) problems.push(`no content area '${contentSelector}'`);
            for (const el of areas.flatMap((area) => [...area.querySelectorAll("*")])) {
              if (!allowed.has(el.localName)) problems.push(`<${el.localName}> in the content: ${describe(el)}`);
              if (el.localName === "img" && !new URL(el.getAttribute("src") ?? "", location.href).pathname.startsWith("/media/")) {
                problems.push(`a picture that is not from the media library: ${describe(el)}`);
              }
            }
          }
          return problems;
        }
        """;

    // Records every call, including those that a browser would not show as a dialog (e.g. print, or from a frame).
    private const string Hooks = """
        for (const name of ["alert", "confirm", "prompt", "print"]) {
          const original = window[name];
          window[name] = function (...args) {
            (window.__xssCalls ||= []).push(`${name}(${args.join(", ")})`);
            return original?.apply(this, args);
          };
        }
        """;

    private readonly List<string> _dialogs = [];

    private XssProbe(IPage page) => Page = page;

    public IPage Page { get; }

    public static async Task<XssProbe> WatchAsync(IPage page)
    {
        var probe = new XssProbe(page);
        page.Dialog += async (_, dialog) =>
        {
            probe._dialogs.Add($"{dialog.Type}('{dialog.Message}')");
            await dialog.DismissAsync();
        };
        await page.AddInitScriptAsync(Hooks);
        return probe;
    }

    /// <summary>Opens the page and returns what ran or could run, each naming the page and, through its number, the vector.</summary>
    public async Task<IReadOnlyList<string>> VisitAsync(string url, string? contentSelector = null)
    {
        _dialogs.Clear();
        var response = await Page.GotoAsync(url, new() { WaitUntil = WaitUntilState.NetworkIdle });
        var path = new Uri(Page.Url).AbsolutePath;
        var problems = new List<string>();
        if (response is null || response.Status != 200)
        {
            problems.Add($"answered {response?.Status}");
        }

        problems.AddRange(_dialogs.Select(d => $"a dialog opened: {d}"));
        problems.AddRange(await Page.EvaluateAsync<string[]>("() => window.__xssCalls ?? []"));
        if (await Page.EvaluateAsync<string?>("() => window.__xss === undefined ? null : String(window.__xss)") is { } flag)
        {
            problems.Add($"window.__xss = {flag}");
        }

        problems.AddRange(await Page.EvaluateAsync<string[]>(Scan, contentSelector));
        return [.. problems.Distinct().Select(p => $"{path}: {p}")];
    }

    /// <summary>The visible text of the first element that matches, with runs of white space made one space.</summary>
    public static async Task<string> TextOfAsync(ILocator locator) =>
        Squash(await locator.First.EvaluateAsync<string>("el => el.innerText"));

    public static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
