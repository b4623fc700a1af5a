using VillageCraftPortal.Web.Infrastructure.Cli;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Content.Import;

/// <summary><c>import-content [--force] [--from &lt;dir&gt;]</c>: imports umbraco-content (migrating first).</summary>
public sealed class ImportContentVerb(IHostEnvironment environment, IConfiguration configuration) : ICliVerb
{
    public string Name => "import-content";

    public string Usage => "[--force] [--from <dir>]  import umbraco-content (all or nothing; --force re-imports)";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var force = false;
        string? from = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--force":
                    force = true;
                    break;
                case "--from" when i + 1 < args.Count:
                    from = args[++i];
                    break;
                default:
                    await output.WriteLineAsync($"Unknown argument '{args[i]}'. Usage: import-content {Usage}");
                    return CliRunner.UsageError;
            }
        }

        var folder = ContentSourceLocator.Find(from ?? configuration[$"{ContentImportOptions.Section}:SeedDirectory"], environment.ContentRootPath);
        if (folder is null)
        {
            await output.WriteLineAsync($"No content folder found ({from ?? ContentSourceLocator.FolderName}).");
            return CliRunner.Failure;
        }

        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        var result = await services.GetRequiredService<ContentImporter>().ImportAsync(folder, force, cancellationToken);
        switch (result.Status)
        {
            case ImportStatus.AlreadyImported:
                await output.WriteLineAsync("Content is already imported; nothing changed. Use --force to import again.");
                return CliRunner.Success;
            case ImportStatus.Imported:
                await output.WriteLineAsync(
                    $"Imported from {folder}: {result.Created} created, {result.Updated} updated, {result.Media} media changed; " +
                    $"products: {result.ProductsCreated} created, {result.ProductsUpdated} updated (stock of existing variants unchanged).");
                return CliRunner.Success;
            default:
                await output.WriteLineAsync($"Nothing was imported: {result.Errors.Count} problem(s) in {folder}:");
                foreach (var error in result.Errors)
                {
                    await output.WriteLineAsync("  " + error);
                }

                return CliRunner.Failure;
        }
    }
}
