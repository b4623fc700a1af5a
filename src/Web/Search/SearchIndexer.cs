using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Commerce.Catalogue;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Infrastructure.Background;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Infrastructure.Startup;

namespace VillageCraftPortal.Web.Search;

/// <summary>Wakes the indexer when a new published snapshot is live.</summary>
public sealed class SearchSignal : WakeSignal;

/// <summary>
/// Keeps the index in step. At start it opens the index on disk (rebuilding it when missing or of an older schema),
/// then applies, as they come: each new published snapshot (pages added, changed, unpublished or deleted), and the
/// catalogue outbox (<see cref="CatalogueChange"/>). Searches see each batch as soon as it is committed.
/// </summary>
public sealed partial class SearchIndexer(
    IServiceScopeFactory scopes,
    SearchIndex index,
    PublishedSnapshotAccessor snapshots,
    SearchSignal signal,
    StartupState startup,
    TimeProvider clock,
    ILogger<SearchIndexer> logger) : BackgroundService
{
    private const int Batch = 500;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _work = new(1, 1);
    private HashSet<string>? _villages;
    private DateOnly _day;

    /// <summary>True once the index is open and has caught up with the database at least once.</summary>
    public bool IsReady => _caughtUp.Task.IsCompletedSuccessfully;

    public Task WhenReady => _caughtUp.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        snapshots.Swapped += OnSwapped;
        try
        {
            await startup.WhenReady.WaitAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await CatchUpAsync(stoppingToken);
                    _caughtUp.TrySetResult();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The index keeps answering from what it has; the next wake-up or poll tries again.
                    LogFailed(logger, ex);
                }

                await signal.WaitAsync(PollInterval, stoppingToken);
            }
        }
        finally
        {
            snapshots.Swapped -= OnSwapped;
        }
    }

    /// <summary>Opens the index if needed and applies everything pending. Safe to call from anywhere (tests, commands).</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await _work.WaitAsync(cancellationToken);
        try
        {
            index.OpenCurrent(); // Also follows a rebuild made by the command line.
            if (!index.IsCurrent)
            {
                await RebuildCoreAsync(cancellationToken);
                return;
            }

            var snapshot = snapshots.Current;
            if (snapshot.Version != index.Cursors.Content)
            {
                ApplyContent(snapshot);
            }

            // Products follow their village (an unpublished village takes its products out of search) and the
            // calendar (an OCOP certificate that expired overnight no longer counts as stars).
            var villages = snapshot.OfType(Content.Types.DocumentTypes.Village)
                .Select(v => Backoffice.Access.ContentScopes.VillageCodeOf(v.Alias)).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var today = DateOnly.FromDateTime(Shared.VietnamTime.Now(clock));
            if (_villages is null || today != _day)
            {
                await ReindexProductsAsync(snapshot, cancellationToken);
            }
            else if (!villages.SetEquals(_villages))
            {
                var changed = villages.Except(_villages).Concat(_villages.Except(villages)).ToList();
                await ApplyProductsAsync(snapshot, await ProductIdsAsync(changed, cancellationToken), cancellationToken);
            }

            (_villages, _day) = (villages, today);

            while (await ApplyCatalogueAsync(snapshot, cancellationToken) == Batch)
            {
            }
        }
        finally
        {
            _work.Release();
        }
    }

    /// <summary>Builds a fresh index beside the live one and swaps it in; searches go on meanwhile.</summary>
    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        await _work.WaitAsync(cancellationToken);
        try
        {
            index.OpenCurrent();
            await RebuildCoreAsync(cancellationToken);
        }
        finally
        {
            _work.Release();
        }
    }

    /// <summary>Reads everything and builds a new generation. The outbox rows present before the read are covered by it.</summary>
    public static async Task<(List<SearchDocument> Documents, List<long> Covered)> ReadAllAsync(
        IServiceProvider services, PublishedSnapshot snapshot, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var covered = await db.CatalogueChanges.Select(c => c.Id).ToListAsync(cancellationToken);
        var documents = SearchSources.Content(snapshot).ToList();
        documents.AddRange(await services.GetRequiredService<SearchSources>().ProductsAsync(snapshot, cancellationToken));
        return (documents, covered);
    }

    public static async Task ForgetAsync(IServiceProvider services, List<long> ids, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AppDbContext>();
        foreach (var chunk in ids.Chunk(Batch))
        {
            await db.CatalogueChanges.Where(c => chunk.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    private async Task RebuildCoreAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var snapshot = snapshots.Current;
        var (documents, covered) = await ReadAllAsync(scope.ServiceProvider, snapshot, cancellationToken);
        index.Rebuild(documents, new IndexCursors(snapshot.Version));
        await ForgetAsync(scope.ServiceProvider, covered, cancellationToken);
    }

    private void ApplyContent(PublishedSnapshot snapshot)
    {
        var documents = SearchSources.Content(snapshot).ToList();
        var live = documents.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        var gone = KeysWithPrefix(SearchSources.ContentKeyPrefix).Where(k => !live.Contains(k)).ToList();
        index.Apply(documents, gone, new IndexCursors(snapshot.Version));
        LogContent(logger, snapshot.Version, documents.Count, gone.Count);
    }

    /// <summary>Indexes every listed product again and removes the products no longer listed or without a village.</summary>
    private async Task ReindexProductsAsync(PublishedSnapshot snapshot, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var documents = await scope.ServiceProvider.GetRequiredService<SearchSources>().ProductsAsync(snapshot, cancellationToken);
        var live = documents.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        var gone = KeysWithPrefix(SearchSources.ProductKeyPrefix).Where(k => !live.Contains(k)).ToList();
        index.Apply(documents, gone, index.Cursors);
    }

    /// <summary>Indexes the given products again: the listed ones with a published village, the others removed.</summary>
    private async Task ApplyProductsAsync(PublishedSnapshot snapshot, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        using var scope = scopes.CreateScope();
        var documents = await scope.ServiceProvider.GetRequiredService<SearchSources>().ProductsAsync(snapshot, ids, cancellationToken);
        var found = documents.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        index.Apply(documents, [.. ids.Select(SearchSources.ProductKey).Where(k => !found.Contains(k))], index.Cursors);
    }

    private async Task<List<int>> ProductIdsAsync(List<string> villages, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Product>()
            .Where(p => villages.Contains(p.VillageCode)).Select(p => p.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The keys in the index that start with a prefix.</summary>
    private List<string> KeysWithPrefix(string prefix) => index.Search(searcher =>
    {
        var top = searcher.Search(new PrefixQuery(new Term(SearchFields.Key, prefix)), Math.Max(1, searcher.IndexReader.MaxDoc));
        return top.ScoreDocs.Select(d => searcher.Doc(d.Doc).Get(SearchFields.Key, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    });

    /// <summary>Applies up to one batch of catalogue changes; returns how many rows it took.</summary>
    private async Task<int> ApplyCatalogueAsync(PublishedSnapshot snapshot, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.CatalogueChanges.AsNoTracking().OrderBy(c => c.Id).Take(Batch).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        var ids = rows.Where(r => r.ProductId is not null).Select(r => r.ProductId!.Value).ToHashSet();
        var aliases = rows.Where(r => r.ProductAlias is not null).Select(r => r.ProductAlias!).Distinct().ToList();
        var variants = rows.Where(r => r.VariantId is not null).Select(r => r.VariantId!.Value).Distinct().ToList();
        if (aliases.Count > 0)
        {
            ids.UnionWith(await db.Set<Product>().Where(p => aliases.Contains(p.Alias)).Select(p => p.Id).ToListAsync(cancellationToken));
        }

        if (variants.Count > 0)
        {
            ids.UnionWith(await db.Set<ProductVariant>().Where(v => variants.Contains(v.Id)).Select(v => v.ProductId).ToListAsync(cancellationToken));
        }

        await ApplyProductsAsync(snapshot, ids, cancellationToken);
        await ForgetAsync(scope.ServiceProvider, [.. rows.Select(r => r.Id)], cancellationToken);
        return rows.Count;
    }

    private void OnSwapped(PublishedSnapshot snapshot) => signal.Notify();

    public override void Dispose()
    {
        _work.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Updating the search index failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Search index: snapshot {Version}, {Count} pages, {Removed} removed")]
    private static partial void LogContent(ILogger logger, long version, int count, int removed);
}
