using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Infrastructure.Cli;

public sealed class MigrateVerb : ICliVerb
{
    public string Name => "migrate";

    public string Usage => "apply pending database migrations";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Count > 0)
        {
            await output.WriteLineAsync($"migrate takes no arguments (got: {string.Join(' ', args)})");
            return CliRunner.UsageError;
        }

        var applied = await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await output.WriteLineAsync(applied.Count == 0 ? "The database is up to date." : $"Applied: {string.Join(", ", applied)}");
        return CliRunner.Success;
    }
}
