using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VillageCraftPortal.Web.Content.Import;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Infrastructure.Startup;

/// <summary>
/// Brings the site up in the background so /health/live answers at once: migrate, import the seed content into an
/// empty database, load the published snapshot, then report ready.
/// </summary>
public sealed partial class StartupInitializer(
    IServiceScopeFactory scopes,
    StartupState state,
    IOptions<DatabaseOptions> options,
    IHostEnvironment environment,
    IConfiguration configuration,
    ILogger<StartupInitializer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            if (options.Value.MigrateOnStartup)
            {
                state.Advance("migrating");
                await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(stoppingToken);
            }

            if (options.Value.ImportContentOnStartup && !await services.GetRequiredService<AppDbContext>().Documents.AnyAsync(stoppingToken))
            {
                state.Advance("importing");
                if (!await ImportAsync(services, stoppingToken))
                {
                    return;
                }
            }

            state.Advance("loading");
            var snapshot = await services.GetRequiredService<SnapshotBuilder>().BuildAsync(stoppingToken);
            services.GetRequiredService<PublishedSnapshotAccessor>().Swap(snapshot);
            state.MarkReady();
            LogReady(logger, snapshot.Nodes.Count);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex)
        {
            state.MarkFailed(ex.Message);
            LogFailed(logger, ex, state.Stage);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ready: {Pages} published pages")]
    private static partial void LogReady(ILogger logger, int pages);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Start-up failed while {Stage}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string stage);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Import error: {Error}")]
    private static partial void LogImportError(ILogger logger, ImportError error);

    private async Task<bool> ImportAsync(IServiceProvider services, CancellationToken stoppingToken)
    {
        var folder = ContentSourceLocator.Find(configuration[$"{ContentImportOptions.Section}:SeedDirectory"], environment.ContentRootPath);
        if (folder is null)
        {
            logger.LogWarning("No {Folder} folder found; the site starts empty", ContentSourceLocator.FolderName);
            return true;
        }

        var result = await services.GetRequiredService<ContentImporter>().ImportAsync(folder, force: false, stoppingToken);
        if (result.Status == ImportStatus.Failed)
        {
            state.MarkFailed($"The seed content in {folder} could not be imported: {string.Join("; ", result.Errors)}");
            foreach (var error in result.Errors)
            {
                LogImportError(logger, error);
            }

            return false;
        }

        return true;
    }
}
