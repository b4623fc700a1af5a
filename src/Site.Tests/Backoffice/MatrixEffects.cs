using System.Net;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Storage;
using VillageCraftPortal.Web.Media;

namespace VillageCraftPortal.Site.Tests.Backoffice;

/// <summary>The target's state before a row acts, to compare the effect of an allowed action with.</summary>
public sealed record MatrixBefore(Document? Document, MediaItem? Media, int Scheduled, int Children)
{
    /// <summary>A product row's variant (with its stock) and how many variants its product has.</summary>
    public ProductVariant? Variant { get; init; }

    public int Variants { get; init; }
}

/// <summary>What each allowed action must have done, read back from the database (not from the page's word for it).</summary>
public sealed class MatrixEffects(BackofficeSite site)
{
    public async Task<MatrixBefore> CaptureAsync(MatrixTarget target)
    {
        var id = target.DocumentId;
        if (target.ProductId != 0)
        {
            return new MatrixBefore(null, null, 0, 0)
            {
                Variant = await site.FindVariantAsync(target.VariantId),
                Variants = (await site.ProductAsync(target.ProductId)).Variants.Count,
            };
        }

        return new MatrixBefore(
            id == 0 ? null : await site.FindDocumentAsync(id),
            target.MediaKey == default ? null : await site.FindMediaAsync(target.MediaKey),
            await site.QueryAsync(db => db.ScheduledActions.CountAsync(a => a.DocumentId == id)),
            await site.QueryAsync(db => db.Documents.CountAsync(d => d.ParentId == id)));
    }

    public async Task AssertAllowedAsync(MatrixTarget target, Act action, MatrixBefore before, IReadOnlyList<Answer> answers)
    {
        if (target.ProductId != 0)
        {
            await MatrixProductRequests.AssertAllowedAsync(site, target, action, before, answers[^1]);
            return;
        }

        var answer = answers[^1];
        var (id, secret) = (target.DocumentId, target.Secret);
        var edit = $"/backoffice/content/{id}";
        switch (action)
        {
            case Act.View or Act.ScheduleView or Act.History:
                Assert.True(answer.Status == HttpStatusCode.OK, $"{answer}");
                Assert.Contains(secret, answer.Body, StringComparison.Ordinal);
                break;
            case Act.Preview:
                RedirectsTo(answer, "/preview/", prefix: true);
                break;
            case Act.Save:
                RedirectsTo(answer, edit);
                Assert.Equal(before.Document!.LatestVersion + 1, (await site.DocumentAsync(id)).LatestVersion);
                Assert.Equal($"saved {secret}", (await site.ValuesAsync(id)).GetString("summary", Cultures.English));
                break;
            case Act.Submit:
                RedirectsTo(answer, edit);
                Assert.Equal(ReviewState.InReview, (await site.DocumentAsync(id)).ReviewState);
                break;
            case Act.Publish:
                RedirectsTo(answer, edit);
                var published = await site.DocumentAsync(id);
                Assert.Equal((before.Document!.LatestVersion + 1, (int?)(before.Document.LatestVersion + 1)), (published.LatestVersion, published.PublishedVersion));
                break;
            case Act.Unpublish:
                RedirectsTo(answer, edit);
                Assert.Null((await site.DocumentAsync(id)).PublishedVersion);
                break;
            case Act.Delete when target.DocumentId != 0:
                RedirectsTo(answer, "/backoffice/content");
                Assert.Null(await site.FindDocumentAsync(id));
                break;
            case Act.Delete:
                RedirectsTo(answer, "/backoffice/media");
                Assert.Null(await site.FindMediaAsync(target.MediaKey));
                break;
            case Act.Block:
                Assert.True(answer.Status == HttpStatusCode.OK, $"{answer}");
                var blocks = int.Parse(StaffClient.FieldValue(Html.Parse(answer.Body), "f.body.en.count") ?? "-1", System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal((await site.ValuesAsync(id)).Get("body", Cultures.English)?.AsArray().Count + 1 ?? 1, blocks);
                Assert.Equal(before.Document!.LatestVersion, (await site.DocumentAsync(id)).LatestVersion);
                break;
            case Act.Schedule:
                RedirectsTo(answer, $"{edit}/schedule");
                Assert.Equal(before.Scheduled + 1, await site.QueryAsync(db => db.ScheduledActions.CountAsync(a => a.DocumentId == id)));
                break;
            case Act.Rollback:
                RedirectsTo(answer, edit);
                var rolledBack = await site.DocumentAsync(id);
                Assert.Equal(before.Document!.LatestVersion + 1, rolledBack.LatestVersion);
                Assert.Equal((await site.ValuesAsync(id, before.Document.LatestVersion - 1)).ToJson(), (await site.ValuesAsync(id)).ToJson());
                break;
            case Act.CreateChild:
                Assert.True(answers[0].Status == HttpStatusCode.OK, $"{answers[0]}");
                Assert.True(answer.Status == HttpStatusCode.Redirect && answer.LocationPath.StartsWith("/backoffice/content/", StringComparison.Ordinal), $"{answer}: {Excerpt(answer)}");
                Assert.Equal(before.Children + 1, await site.QueryAsync(db => db.Documents.CountAsync(d => d.ParentId == id)));
                break;
            case Act.Describe:
                RedirectsTo(answer, $"/backoffice/media/{target.MediaKey}");
                Assert.Contains($"Mô tả mới {secret}", (await site.FindMediaAsync(target.MediaKey))!.Alt, StringComparison.Ordinal);
                break;
            case Act.Replace:
                RedirectsTo(answer, $"/backoffice/media/{target.MediaKey}");
                Assert.NotEqual(before.Media!.FileHash, (await site.FindMediaAsync(target.MediaKey))!.FileHash);
                break;
            case Act.Manage when target.Resource == Resource.Users:
                RedirectsTo(answer, "/backoffice/users");
                Assert.True(await site.QueryAsync(db => db.Users.AnyAsync(u => u.Email == $"new.{target.Secret}@test.local")));
                break;
            case Act.Manage:
                RedirectsTo(answer, "/backoffice/redirects");
                Assert.True(await site.QueryAsync(db => db.Redirects.AnyAsync(r => r.FromPath == $"/vi/{target.Secret}-moi")));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    public static void RedirectsTo(Answer answer, string path, bool prefix = false) =>
        Assert.True(
            answer.Status == HttpStatusCode.Redirect && (prefix ? answer.LocationPath.StartsWith(path, StringComparison.Ordinal) : answer.LocationPath == path),
            $"{answer} (expected a redirect to {path}): {Excerpt(answer)}");

    public static string Excerpt(Answer answer)
    {
        var text = Html.Parse(answer.Body).QuerySelector("main")?.TextContent ?? answer.Body;
        text = string.Join(' ', text.Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries));
        return text[..Math.Min(text.Length, 400)];
    }
}
