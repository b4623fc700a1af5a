using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Infrastructure.Cli;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Content.Export;

/// <summary><c>export-content &lt;dir&gt; [--force]</c>: writes the published content as umbraco-content.</summary>
public sealed class ExportContentVerb : ICliVerb
{
    public string Name => "export-content";

    public string Usage => "<dir> [--force]  write the published content to <dir> as umbraco-content (--force replaces an earlier export)";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var force = false;
        string? folder = null;
        foreach (var arg in args)
        {
            if (arg == "--force")
            {
                force = true;
            }
            else if (folder is null && !arg.StartsWith('-'))
            {
                folder = arg;
            }
            else
            {
                await output.WriteLineAsync($"Unknown argument '{arg}'. Usage: export-content {Usage}");
                return CliRunner.UsageError;
            }
        }

        if (folder is null)
        {
            await output.WriteLineAsync($"Which folder? Usage: export-content {Usage}");
            return CliRunner.UsageError;
        }

        if ((await services.GetRequiredService<AppDbContext>().Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await output.WriteLineAsync("The database is not up to date: run migrate (or import-content) first.");
            return CliRunner.Failure;
        }

        var result = await services.GetRequiredService<ContentExporter>().ExportAsync(folder, force, cancellationToken);
        foreach (var warning in result.Warnings)
        {
            await output.WriteLineAsync("  warning: " + warning);
        }

        if (result.Status != ExportStatus.Exported)
        {
            await output.WriteLineAsync(result.Status == ExportStatus.Refused ? "Nothing was exported:" : $"Nothing was exported: {result.Problems.Count} problem(s):");
            foreach (var problem in result.Problems)
            {
                await output.WriteLineAsync("  " + problem);
            }

            return CliRunner.Failure;
        }

        await output.WriteLineAsync(
            $"Exported to {result.Folder}: {result.Documents} documents, {result.Media} media, {result.Holidays} holidays, {result.Products} products"
            + (result.LeftOut > 0 ? $"; {result.LeftOut} unpublished document(s) left out." : "."));
        return CliRunner.Success;
    }
}
