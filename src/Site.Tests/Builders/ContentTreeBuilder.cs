using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Web.Content;
using VillageCraftPortal.Web.Content.Editing;
using VillageCraftPortal.Web.Content.Types;

namespace VillageCraftPortal.Site.Tests.Builders;

/// <summary>Creates documents through the real content service, for tests that arrange their own tree.</summary>
public sealed class ContentTreeBuilder(IServiceProvider services)
{
    public const string Editor = "test-editor";

    public static ContentValues Values(string nameVi, string slug, string? nameEn = null)
    {
        var values = new ContentValues().Set("name", "vi", nameVi).Set("slug", "vi", slug);
        return nameEn is null ? values : values.Set("name", "en", nameEn);
    }

    public static ContentValues VillageValues(string nameVi, string slug, string? nameEn = null) =>
        Values(nameVi, slug, nameEn).Set("crafts", Cultures.Invariant, new[] { "ceramics" });

    public Task<ContentResult> CreateAsync(string contentType, int? parentId, ContentValues values) =>
        InScopeAsync(sp => sp.GetRequiredService<ContentService>().CreateAsync(new NewDocument(contentType, parentId, values), Editor));

    public async Task<int> CreatePublishedAsync(string contentType, int? parentId, ContentValues values)
    {
        var created = await CreateAsync(contentType, parentId, values);
        Assert.True(created.Succeeded, $"create {contentType}: {created.Status}");
        var published = await PublishAsync(created.Document!.Id);
        Assert.True(published.Succeeded, $"publish {contentType}: {published.Status}");
        return created.Document.Id;
    }

    public Task<ContentResult> PublishAsync(int id) =>
        InScopeAsync(sp => sp.GetRequiredService<PublishingService>().PublishAsync(id, Editor));

    public Task<ContentResult> SaveAsync(int id, ContentValues values, int expectedVersion) =>
        InScopeAsync(sp => sp.GetRequiredService<ContentService>().SaveAsync(id, values, expectedVersion, Editor));

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Home → villages index, published; returns the index's id.</summary>
    public async Task<(int Home, int Villages)> SiteAsync()
    {
        var home = await CreatePublishedAsync(DocumentTypes.Home, null, Values("Trang chủ", "home", "Home"));
        var villages = await CreatePublishedAsync(DocumentTypes.VillageIndex, home, Values("Làng nghề", "lang-nghe", "Villages").Set("slug", "en", "villages"));
        return (home, villages);
    }
}
