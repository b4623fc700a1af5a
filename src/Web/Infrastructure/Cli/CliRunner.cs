namespace VillageCraftPortal.Web.Infrastructure.Cli;

public static class CliRunner
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    /// <summary>Runs the verb (without starting the web server) and returns the process exit code.</summary>
    public static async Task<int> RunVerbAsync(this IServiceProvider services, CommandLine command, TextWriter output, TextWriter error)
    {
        var verbs = services.GetServices<ICliVerb>().OrderBy(v => v.Name, StringComparer.Ordinal).ToList();
        var verb = verbs.FirstOrDefault(v => v.Name == command.Verb);
        if (verb is null)
        {
            if (command.Verb is not ("help" or "--help"))
            {
                await error.WriteLineAsync($"Unknown command '{command.Verb}'.");
            }

            await (command.Verb is "help" ? output : error).WriteLineAsync(Usage(verbs));
            return command.Verb is "help" ? Success : UsageError;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        await using var scope = services.CreateAsyncScope();
        return await verb.RunAsync(scope.ServiceProvider, command.VerbArgs, output, cancellation.Token);
    }

    public static string Usage(IEnumerable<ICliVerb> verbs) =>
        "Usage: dotnet run --project src/Web -- <command> [arguments] [Setting=value ...]\n\nCommands:\n"
        + string.Join('\n', verbs.Select(v => $"  {v.Name,-16} {v.Usage}"))
        + "\n\nWith no command, the site runs.";
}
