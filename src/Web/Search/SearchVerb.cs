using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Infrastructure;
using VillageCraftPortal.Web.Infrastructure.Cli;

namespace VillageCraftPortal.Web.Search;

/// <summary>
/// <c>search rebuild</c>: builds a complete new index generation from the database and points the site at it. A
/// running site follows the pointer within a second and keeps answering throughout.
/// </summary>
public sealed class SearchVerb : ICliVerb
{
    public string Name => "search";

    public string Usage => "rebuild: build a fresh search index from the database and swap it in";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args is not ["rebuild"])
        {
            await output.WriteLineAsync($"usage: search rebuild (got: {string.Join(' ', args)})");
            return CliRunner.UsageError;
        }

        using var scope = services.CreateScope();
        var snapshot = await scope.ServiceProvider.GetRequiredService<SnapshotBuilder>().BuildAsync(cancellationToken);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var (documents, covered) = await SearchIndexer.ReadAllAsync(scope.ServiceProvider, snapshot, cancellationToken);
        var name = SearchIndex.BuildAndPoint(services.GetRequiredService<DataDirectory>().SearchIndex, documents, new IndexCursors(snapshot.Version));
        await SearchIndexer.ForgetAsync(scope.ServiceProvider, covered, cancellationToken);
        await output.WriteLineAsync($"Search index {name}: {documents.Count} documents in {started.Elapsed.TotalSeconds:0.0} s.");
        return CliRunner.Success;
    }
}
