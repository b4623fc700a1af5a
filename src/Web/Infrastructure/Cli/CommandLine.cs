namespace VillageCraftPortal.Web.Infrastructure.Cli;

/// <summary>
/// The program's arguments split into an optional verb with its own arguments, and the rest for the host's
/// configuration (e.g. <c>--DataDir=/srv/data</c> or <c>Database:Provider=Postgres</c>).
/// </summary>
public sealed record CommandLine(string? Verb, IReadOnlyList<string> VerbArgs, string[] HostArgs)
{
    public static CommandLine Parse(string[] args)
    {
        static bool IsSetting(string arg) => arg.Contains('=', StringComparison.Ordinal);

        if (args.Length == 0 || args[0].StartsWith('-') || IsSetting(args[0]))
        {
            return new CommandLine(null, [], args);
        }

        return new CommandLine(args[0], [.. args.Skip(1).Where(a => !IsSetting(a))], [.. args.Skip(1).Where(IsSetting)]);
    }
}

/// <summary>A command-line verb run on the same program: <c>dotnet run --project src/Web -- &lt;verb&gt;</c>.</summary>
public interface ICliVerb
{
    string Name { get; }

    /// <summary>One line: the arguments and what the verb does.</summary>
    string Usage { get; }

    Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken);
}
