using VillageCraftPortal.Web.Content.Editing;
using VillageCraftPortal.Web.Content.Export;
using VillageCraftPortal.Web.Content.Html;
using VillageCraftPortal.Web.Content.Import;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Infrastructure.Cli;

namespace VillageCraftPortal.Web.Content;

public static class ContentServiceCollectionExtensions
{
    /// <summary>The CMS core: editing and publishing services, the published snapshot, the seed importer and exporter.</summary>
    public static IServiceCollection AddContent(this IServiceCollection services)
    {
        services.AddSingleton<ContentHtml>();
        services.AddSingleton<ContentEventSignal>();
        services.AddScoped<ContentService>();
        services.AddScoped<PublishingService>();

        services.AddSingleton<PublishedSnapshotAccessor>();
        services.AddScoped<SnapshotBuilder>();
        services.AddSingleton<SnapshotRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<SnapshotRefresher>());

        services.AddScoped<SeedContentReader>();
        services.AddScoped<SeedMediaWriter>();
        services.AddScoped<SeedDocumentWriter>();
        services.AddScoped<SeedProductWriter>();
        services.AddScoped<ContentImporter>();
        services.AddSingleton<ICliVerb, ImportContentVerb>();

        services.AddScoped<ExportContentReader>();
        services.AddScoped<ExportFolderWriter>();
        services.AddScoped<ExportVerifier>();
        services.AddScoped<ContentExporter>();
        services.AddSingleton<ICliVerb, ExportContentVerb>();
        return services;
    }
}
