using System.Text;
using VillageCraftPortal.Web.Infrastructure.Cli;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Web.Backoffice.Accounts;

/// <summary>
/// <c>users add --email … --role … [--village …] [--culture …] [--name …]</c> and <c>users list</c>. The password comes
/// from the VCP_USER_PASSWORD environment variable or is typed at a prompt; none ships with the code.
/// </summary>
public sealed class UsersVerb : ICliVerb
{
    public const string PasswordVariable = "VCP_USER_PASSWORD";

    public string Name => "users";

    public string Usage => "add --email <e> --role <Administrator|Editor|Publisher|Translator> [--village <code>] [--culture <vi|en>] [--name <n>] | list";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        var admin = services.GetRequiredService<UserAdministration>();
        switch (args.Count > 0 ? args[0] : null)
        {
            case "list":
                foreach (var user in await admin.ListAsync(cancellationToken))
                {
                    await output.WriteLineAsync($"{user.Email}\t{user.DisplayName}\t{UserAdministration.Describe(user.Access)}{(user.LockedOut ? "\tlocked" : string.Empty)}{(user.TwoFactor ? "\t2fa" : string.Empty)}");
                }

                return CliRunner.Success;
            case "add":
                return await AddAsync(admin, args.Skip(1).ToList(), output, cancellationToken);
            default:
                await output.WriteLineAsync($"Usage: users {Usage}");
                return CliRunner.UsageError;
        }
    }

    private static async Task<int> AddAsync(UserAdministration admin, List<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                await output.WriteLineAsync($"Unexpected argument '{args[i]}'. Usage: users {new UsersVerb().Usage}");
                return CliRunner.UsageError;
            }

            var name = args[i][2..];
            if (!options.TryGetValue(name, out var values))
            {
                options[name] = values = [];
            }

            values.AddRange(args[++i].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }

        if (!options.TryGetValue("email", out var email) || !options.TryGetValue("role", out var roles) || options.Keys.Any(k => k is not ("email" or "role" or "village" or "culture" or "name")))
        {
            await output.WriteLineAsync($"users add needs --email and --role. Usage: users {new UsersVerb().Usage}");
            return CliRunner.UsageError;
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : ReadPassword(output);
        var access = new UserAccess(roles, options.GetValueOrDefault("village") ?? [], options.GetValueOrDefault("culture") ?? []);
        var result = await admin.CreateAsync(
            new NewUser(email[0], string.Join(' ', options.GetValueOrDefault("name") ?? []), access, password), "cli", cancellationToken);
        await output.WriteLineAsync(result.Succeeded
            ? $"Created {email[0]}: {UserAdministration.Describe(access)}"
            : $"Not created: {string.Join(", ", result.Errors)}");
        return result.Succeeded ? CliRunner.Success : CliRunner.Failure;
    }

    private static string ReadPassword(TextWriter output)
    {
        output.Write("Password: ");
        output.Flush();
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine() ?? string.Empty;
        }

        var password = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        output.WriteLine();
        return password.ToString();
    }
}
