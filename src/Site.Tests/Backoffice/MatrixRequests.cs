using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Content.Values;
using VillageCraftPortal.Web.Shared;

namespace VillageCraftPortal.Site.Tests.Backoffice;

/// <summary>One HTTP answer of a matrix row.</summary>
public sealed record Answer(string Request, HttpStatusCode Status, string? Location, string Body)
{
    /// <summary>The path the answer redirects to (relative or absolute Location alike).</summary>
    public string LocationPath => Location is null ? string.Empty : new Uri(new Uri(SiteFactory.BaseUrl), Location).AbsolutePath;

    public override string ToString() => $"{Request} → {(int)Status} {Location}";
}

/// <summary>
/// Sends what a browser would for each action, as the given user. Forms are read from the administrator's view of
/// the page (everything filled in, as a well-informed attacker would post them) and carry the acting user's own
/// antiforgery token; visitors who are not signed in post without one (the sign-in redirect comes first).
/// </summary>
public sealed class MatrixRequests(BackofficeSite site)
{
    /// <summary>Three days after the site's fixed clock, in Hà Nội time as the form takes it.</summary>
    public static readonly string ScheduleAt =
        TimeZoneInfo.ConvertTimeFromUtc(SeededSite.FixedNow.UtcDateTime.AddDays(3), VietnamTime.Zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static readonly ConditionalWeakTable<StaffClient, string> Tokens = [];

    public static string ChildTypeOf(Resource resource) => resource switch
    {
        Resource.BatTrangVillage => DocumentTypes.Experience,
        _ => DocumentTypes.Page,
    };

    public async Task<IReadOnlyList<Answer>> SendAsync(StaffClient client, bool signedIn, MatrixTarget target, Act action)
    {
        var token = signedIn ? await TokenAsync(client) : null;
        var (id, key, secret) = (target.DocumentId, target.MediaKey, target.Secret);
        var document = $"/backoffice/content/{id}";
        var media = $"/backoffice/media/{key}";
        if (AccessMatrix.IsProduct(target.Resource))
        {
            return await new MatrixProductRequests(site).SendAsync(client, token, target, action);
        }

        return action switch
        {
            Act.View when AccessMatrix.IsDocument(target.Resource) => [await GetAsync(client, document)],
            Act.View when AccessMatrix.IsMedia(target.Resource) => [await GetAsync(client, media)],
            Act.View => [await GetAsync(client, AdministrationPath(target.Resource))],
            Act.Save => [await PostAsync(client, $"{document}?handler=Save", await EditFormAsync(id, token, ("f.summary.en", $"saved {secret}")))],
            Act.Submit => [await PostAsync(client, $"{document}?handler=Submit", await EditFormAsync(id, token, ("note", "Nhờ duyệt giúp")))],
            Act.Publish => [await PostAsync(client, $"{document}?handler=Publish", await EditFormAsync(id, token, ("f.summary.en", $"published {secret}")))],
            Act.Unpublish => [await PostAsync(client, $"{document}?handler=Unpublish", Fields(token))],
            Act.Delete when AccessMatrix.IsDocument(target.Resource) => [await PostAsync(client, $"{document}?handler=Delete", Fields(token))],
            Act.Delete => [await PostAsync(client, $"{media}?handler=Delete", Fields(token))],
            Act.Block => [await PostAsync(client, $"{document}?handler=Block&field=body&culture=en&op=add", await EditFormAsync(id, token, ("add.body.en", RichTextBlock.TypeName)))],
            Act.Schedule => [await PostAsync(client, $"{document}/schedule", Fields(token, ("kind", "Publish"), ("at", ScheduleAt)))],
            Act.ScheduleView => [await GetAsync(client, $"{document}/schedule")],
            Act.History => [await GetAsync(client, $"{document}/history")],
            Act.Rollback => [await PostAsync(client, $"{document}/history?handler=Rollback", Fields(token, ("version", await PreviousVersionAsync(id))))],
            Act.Preview => [await GetAsync(client, $"{document}/preview?culture=en")],
            Act.CreateChild =>
            [
                await GetAsync(client, $"/backoffice/content/create?parent={id}"),
                await PostAsync(client, "/backoffice/content/create", Fields(token, ("Parent", $"{id}"), ("ContentType", ChildTypeOf(target.Resource)), ("Name", $"Trang con {secret}"))),
            ],
            Act.Describe => [await PostAsync(client, media, Fields(token, ("alt.vi", $"Mô tả mới {secret}"), ("alt.en", $"New description {secret}"), ("fx", "30"), ("fy", "70")))],
            Act.Replace => [await PostFileAsync(client, $"{media}?handler=Replace", token, MatrixTargets.OtherImage.Value)],
            Act.Manage when target.Resource == Resource.Users => [await PostAsync(client, "/backoffice/users/edit", Fields(token,
                ("Email", $"new.{target.Secret}@test.local"), ("DisplayName", target.Secret), ("Roles", "Editor"), ("Villages", "bat-trang")))],
            Act.Manage => [await PostAsync(client, "/backoffice/redirects", Fields(token, ("From", $"/vi/{target.Secret}-moi"), ("To", "/vi")))],
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }

    public static string AdministrationPath(Resource resource) => resource switch
    {
        Resource.Users => "/backoffice/users",
        Resource.Audit => "/backoffice/audit",
        Resource.Redirects => "/backoffice/redirects",
        _ => throw new ArgumentOutOfRangeException(nameof(resource)),
    };

    /// <summary>The user's antiforgery token, from a page every staff member sees (tokens last the session).</summary>
    public static async Task<string> TokenAsync(StaffClient client)
    {
        if (!Tokens.TryGetValue(client, out var token))
        {
            token = await client.AntiforgeryTokenAsync("/backoffice");
            Tokens.AddOrUpdate(client, token);
        }

        return token;
    }

    /// <summary>The edit form as the administrator sees it, with changes, carrying <paramref name="token"/> instead of theirs.</summary>
    public async Task<List<KeyValuePair<string, string>>> EditFormAsync(int id, string? token, params (string Name, string Value)[] changes)
    {
        var admin = await site.SignInAsync(BackofficeSite.Admin);
        var page = await admin.GetDocumentAsync($"/backoffice/content/{id}");
        var fields = StaffClient.FieldsOf(StaffClient.FindForm(page, "form[data-edit-form]", "Save"));
        fields.RemoveAll(f => f.Key == StaffClient.AntiforgeryField || changes.Any(c => c.Name == f.Key));
        fields.AddRange(Fields(token, changes));
        return fields;
    }

    public static List<KeyValuePair<string, string>> Fields(string? token, params (string Name, string Value)[] fields)
    {
        var list = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (token is not null)
        {
            list.Add(new(StaffClient.AntiforgeryField, token));
        }

        return list;
    }

    private async Task<string> PreviousVersionAsync(int id) =>
        ((await site.DocumentAsync(id)).LatestVersion - 1).ToString(CultureInfo.InvariantCulture);

    public static async Task<Answer> GetAsync(StaffClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await AnswerAsync($"GET {path}", response);
    }

    public static async Task<Answer> PostAsync(StaffClient client, string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var response = await client.PostAsync(path, fields);
        return await AnswerAsync($"POST {path}", response);
    }

    private static async Task<Answer> PostFileAsync(StaffClient client, string path, string? token, byte[] file)
    {
        using var response = await client.PostFilesAsync(path, Fields(token), [new UploadFile("file", "replacement.png", "image/png", file)]);
        return await AnswerAsync($"POST {path}", response);
    }

    private static async Task<Answer> AnswerAsync(string request, HttpResponseMessage response) =>
        new(request, response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync());
}
