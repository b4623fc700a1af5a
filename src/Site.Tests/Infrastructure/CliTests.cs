using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Infrastructure.Cli;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Site.Tests.Infrastructure;

/// <summary>The command-line verbs run on the same program, against each database.</summary>
public abstract class CliTests(DatabaseKind kind) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private SiteFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(kind);
        _factory = new SiteFactory(_database, new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "false",
            ["Database:ImportContentOnStartup"] = "false",
        });
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await _factory.Services.RunVerbAsync(CommandLine.Parse(args), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task An_unknown_verb_prints_usage_and_fails()
    {
        var (code, _, error) = await RunAsync("frobnicate");

        Assert.Equal(CliRunner.UsageError, code);
        Assert.Contains("Unknown command 'frobnicate'", error, StringComparison.Ordinal);
        Assert.Contains("import-content", error, StringComparison.Ordinal);
        Assert.Contains("migrate", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_verbs_and_succeeds()
    {
        var (code, output, _) = await RunAsync("help");

        Assert.Equal(CliRunner.Success, code);
        Assert.Contains("import-content", output, StringComparison.Ordinal);
        Assert.Contains("export-content", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_is_safe_to_repeat()
    {
        var first = await RunAsync("migrate");
        var second = await RunAsync("migrate");

        Assert.Equal(CliRunner.Success, first.Code);
        Assert.Equal(CliRunner.Success, second.Code);
        Assert.Contains("up to date", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_content_imports_once_then_reports_nothing_to_do_unless_forced()
    {
        var first = await RunAsync("import-content");
        var second = await RunAsync("import-content");
        var forced = await RunAsync("import-content", "--force");

        Assert.Equal((CliRunner.Success, CliRunner.Success, CliRunner.Success), (first.Code, second.Code, forced.Code));
        Assert.Contains("created", first.Output, StringComparison.Ordinal);
        Assert.Contains("already imported", second.Output, StringComparison.Ordinal);
        Assert.Contains("0 created, 0 updated", forced.Output, StringComparison.Ordinal);
        // The real products are unchanged too: a forced run rewrites none of them.
        Assert.Contains("products: 0 created, 0 updated", forced.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_content_from_a_broken_folder_fails_with_file_and_line()
    {
        using var folder = Builders.SeedFolderBuilder.MinimalSite();
        folder.File("site/about.md", "---\ntype: page\nkey: about\nparent: home\nslug: about\nname: About\nstars: 5\n---\n");

        var (code, output, _) = await RunAsync("import-content", "--from", folder.Root);

        Assert.Equal(CliRunner.Failure, code);
        Assert.Contains("site/about.md:7: 'stars' is not a property of page", output, StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.False(scope.ServiceProvider.GetRequiredService<AppDbContext>().Documents.Any());
    }

    [Fact]
    public async Task Import_content_refuses_unknown_arguments()
    {
        var (code, output, _) = await RunAsync("import-content", "--forse");

        Assert.Equal(CliRunner.UsageError, code);
        Assert.Contains("--forse", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_after_the_verb_go_to_the_host_and_the_rest_to_the_verb()
    {
        var command = CommandLine.Parse(["import-content", "--force", "--DataDir=/tmp/x", "Database:Provider=Postgres"]);

        Assert.Equal("import-content", command.Verb);
        Assert.Equal(["--force"], command.VerbArgs);
        Assert.Equal(["--DataDir=/tmp/x", "Database:Provider=Postgres"], command.HostArgs);
        Assert.Null(CommandLine.Parse(["--urls=http://localhost:5001"]).Verb);
    }
}

public sealed class CliTestsOnSqlite() : CliTests(DatabaseKind.Sqlite);

public sealed class CliTestsOnPostgres() : CliTests(DatabaseKind.Postgres);
