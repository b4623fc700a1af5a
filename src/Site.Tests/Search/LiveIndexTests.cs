using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Commerce.Stock;
using VillageCraftPortal.Site.Tests.Builders;
using VillageCraftPortal.Site.Tests.Features.Products;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Content.Editing;
using VillageCraftPortal.Web.Content.Published;
using VillageCraftPortal.Web.Content.Types;
using VillageCraftPortal.Web.Infrastructure.Database;
using VillageCraftPortal.Web.Search;

namespace VillageCraftPortal.Site.Tests.Search;

/// <summary>
/// The index follows the database on its own: publishing, unpublishing and deleting pages, and product, price and
/// stock changes (through the catalogue outbox written in the same transaction), on each database.
/// </summary>
public abstract class LiveIndexTests(StorefrontSite site)
{
    /// <summary>
    /// How long a change may take to show here: generous, because this checks that it arrives, on a CI machine that
    /// may be running a dozen other tests. That a publish does not wait for the snapshot's 5 s poll is checked on the
    /// signal itself; the 1 s target is measured by bench/search-nrt, not here.
    /// </summary>
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    private SearchService Search => site.Factory.Services.GetRequiredService<SearchService>();

    private int Count(string text, SearchRequest? filters = null) =>
        Search.Search((filters ?? new SearchRequest()) with { Text = text }).Total;

    /// <summary>Waits (briefly) until the condition holds; returns how long that took.</summary>
    private static async Task<TimeSpan> WithinAsync(TimeSpan limit, Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < limit, $"{what} took longer than {limit.TotalSeconds} s");
            await Task.Delay(20);
        }

        return clock.Elapsed;
    }

    [Fact]
    public async Task Published_pages_are_searchable_at_once_and_leave_when_unpublished_or_deleted()
    {
        await site.Factory.Services.GetRequiredService<SearchIndexer>().WhenReady.WaitAsync(TimeSpan.FromSeconds(30));
        var villages = site.Factory.Services.GetRequiredService<PublishedSnapshotAccessor>().Current.OfType(DocumentTypes.VillageIndex).Single();
        var tree = new ContentTreeBuilder(site.Factory.Services);
        Assert.Equal(0, Count("Quỳnhzzz"));

        var created = await tree.CreateAsync(DocumentTypes.Village, villages.Id, ContentTreeBuilder.VillageValues($"Làng Quỳnhzzz {site.Kind}", $"quynhzzz-{site.Kind}".ToLowerInvariant()));
        Assert.True(created.Succeeded);
        Assert.Equal(0, Count("quynhzzz")); // A draft is not public.

        var woken = site.Factory.Services.GetRequiredService<ContentEventSignal>().Subscribe();
        Assert.True((await tree.PublishAsync(created.Document!.Id)).Succeeded);
        Assert.True(await woken(TimeSpan.Zero, CancellationToken.None), "the publish did not wake the snapshot refresher (it would wait for its poll)");
        await WithinAsync(Prompt, () => Count("quynhzzz") == 1, "publish → searchable");
        Assert.Equal(1, Count("Quỳnhzzz")); // And with its diacritics.

        await InScopeAsync(sp => sp.GetRequiredService<PublishingService>().UnpublishAsync(created.Document.Id, ContentTreeBuilder.Editor));
        await WithinAsync(Prompt, () => Count("quynhzzz") == 0, "unpublish → gone");

        Assert.True((await tree.PublishAsync(created.Document.Id)).Succeeded);
        await WithinAsync(Prompt, () => Count("quynhzzz") == 1, "publish again → searchable");
        var deleted = await InScopeAsync(sp => sp.GetRequiredService<ContentService>().DeleteAsync(created.Document.Id, ContentTreeBuilder.Editor));
        Assert.True(deleted.Succeeded, $"delete: {deleted.Status}");
        await WithinAsync(Prompt, () => Count("quynhzzz") == 0, "delete → gone");
    }

    [Fact]
    public async Task Product_price_and_stock_changes_reach_the_index_through_the_outbox()
    {
        await site.Factory.Services.GetRequiredService<SearchIndexer>().WhenReady.WaitAsync(TimeSpan.FromSeconds(30));
        var product = await site.Catalogue.AddAsync("bat-trang", $"Bình Xyzzyq {site.Kind}", variants: [(150_000, 2)]);
        var inStock = new SearchRequest { InStockOnly = true };
        await WithinAsync(Prompt, () => Count("xyzzyq", inStock) == 1, "new product → searchable");
        Assert.Equal(150_000, Search.Search(new SearchRequest { Text = "xyzzyq" }).Hits.Single().Price);

        // Stock to zero through the stock keeper (a ledger entry, so an outbox row, in the same transaction).
        var variant = product.Variants[0].Id;
        Assert.True(await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var ok = await new StockKeeper(db, TimeProvider.System).TryAdjustAsync(variant, -2, StockReason.Adjusted, "test", "counted", CancellationToken.None);
            await db.SaveChangesAsync();
            return ok;
        }));
        await WithinAsync(Prompt, () => Count("xyzzyq", inStock) == 0 && Count("xyzzyq") == 1, "sold out → not in stock");

        // A new price, then taken off sale: both through tracked changes.
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var row = await db.Set<VillageCraftPortal.Commerce.Catalogue.ProductVariant>().FindAsync(variant);
            row!.Price = 99_000;
            return await db.SaveChangesAsync();
        });
        await WithinAsync(Prompt, () => Search.Search(new SearchRequest { Text = "xyzzyq" }).Hits.SingleOrDefault()?.Price == 99_000, "new price");

        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var row = await db.Set<VillageCraftPortal.Commerce.Catalogue.Product>().FindAsync(product.Id);
            row!.IsListed = false;
            return await db.SaveChangesAsync();
        });
        await WithinAsync(Prompt, () => Count("xyzzyq") == 0, "off sale → gone");
        await WithinAsync(Prompt, OutboxIsEmpty, "applied rows are removed");
    }

    [Fact]
    public async Task A_buyer_taking_the_last_item_sells_the_listing_out_and_other_takes_write_no_outbox_row()
    {
        await site.Factory.Services.GetRequiredService<SearchIndexer>().WhenReady.WaitAsync(TimeSpan.FromSeconds(30));
        var product = await site.Catalogue.AddAsync("bat-trang", $"Bình Wqzzlast {site.Kind}", variants: [(150_000, 3)]);
        var inStock = new SearchRequest { InStockOnly = true };
        await WithinAsync(Prompt, () => Count("wqzzlast", inStock) == 1, "new product → in stock");
        var variant = product.Variants[0].Id;

        // The outbox rows a stock move writes, counted in its own unit of work (the indexer deletes applied rows at once).
        Task<int> OutboxRowsOf(Func<StockKeeper, Task> move) => InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await move(sp.GetRequiredService<StockKeeper>());
            await db.SaveChangesAsync();
            return db.ChangeTracker.Entries<CatalogueChange>().Count();
        });
        async Task Take(StockKeeper stock, int quantity) => Assert.True(await stock.TryTakeAsync(variant, quantity, null, "buyer", CancellationToken.None));

        Assert.Equal(0, await OutboxRowsOf(stock => Take(stock, 1))); // 3 → 2: nothing a listing shows has changed
        Assert.Equal(1, await OutboxRowsOf(stock => Take(stock, 2))); // 2 → 0: sold out
        await WithinAsync(Prompt, () => Count("wqzzlast", inStock) == 0 && Count("wqzzlast") == 1, "last item taken → not in stock");

        Assert.Equal(1, await OutboxRowsOf(stock => stock.GiveBackAsync(variant, 1, StockReason.Released, null, "expiry", CancellationToken.None)));
        await WithinAsync(Prompt, () => Count("wqzzlast", inStock) == 1, "hold released → in stock again");
    }

    [Fact]
    public async Task Products_are_found_only_while_their_village_is_published()
    {
        await site.Factory.Services.GetRequiredService<SearchIndexer>().WhenReady.WaitAsync(TimeSpan.FromSeconds(30));
        var code = $"qzv-{site.Kind}".ToLowerInvariant();
        await site.Catalogue.AddAsync(code, "Bình Qzvwk", variants: [(150_000, 2)]);
        await WithinAsync(Prompt, OutboxIsEmpty, "outbox applied");
        Assert.Equal(0, Count("qzvwk")); // Its village is not on the site.

        var villages = site.Factory.Services.GetRequiredService<PublishedSnapshotAccessor>().Current.OfType(DocumentTypes.VillageIndex).Single();
        var created = await InScopeAsync(sp => sp.GetRequiredService<ContentService>().CreateAsync(
            new NewDocument(DocumentTypes.Village, villages.Id, ContentTreeBuilder.VillageValues("Làng Qzv", code)) { Alias = DocumentTypes.VillageAliasPrefix + code },
            ContentTreeBuilder.Editor));
        Assert.True(created.Succeeded, $"create: {created.Status}");
        var tree = new ContentTreeBuilder(site.Factory.Services);
        Assert.True((await tree.PublishAsync(created.Document!.Id)).Succeeded);
        await WithinAsync(Prompt, () => Count("qzvwk") == 1, "village published → its products searchable");

        await InScopeAsync(sp => sp.GetRequiredService<PublishingService>().UnpublishAsync(created.Document.Id, ContentTreeBuilder.Editor));
        await WithinAsync(Prompt, () => Count("qzvwk") == 0, "village unpublished → its products gone");
    }

    [Fact]
    public async Task The_rebuild_command_swaps_in_a_new_generation_that_the_running_site_follows()
    {
        var indexer = site.Factory.Services.GetRequiredService<SearchIndexer>();
        await indexer.WhenReady.WaitAsync(TimeSpan.FromSeconds(30));
        var index = site.Factory.Services.GetRequiredService<SearchIndex>();
        var before = index.Generation;

        using var output = new StringWriter();
        var verb = site.Factory.Services.GetServices<VillageCraftPortal.Web.Infrastructure.Cli.ICliVerb>().Single(v => v.Name == "search");
        Assert.Equal(VillageCraftPortal.Web.Infrastructure.Cli.CliRunner.UsageError, await verb.RunAsync(site.Factory.Services, ["rebuld"], output, CancellationToken.None));
        Assert.Equal(VillageCraftPortal.Web.Infrastructure.Cli.CliRunner.Success, await verb.RunAsync(site.Factory.Services, ["rebuild"], output, CancellationToken.None));
        Assert.Contains("documents", output.ToString(), StringComparison.Ordinal);

        await WithinAsync(Prompt, () => index.Generation != before, "the site follows the new generation");
        Assert.True(index.DocumentCount > 0);
        Assert.True(Count("bat trang") > 0);
    }

    private bool OutboxIsEmpty()
    {
        using var scope = site.Factory.Services.CreateScope();
        return !scope.ServiceProvider.GetRequiredService<AppDbContext>().CatalogueChanges.Any();
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work) => await site.InScopeAsync(work);
}

[Collection(SqliteStorefrontGroup.Name)]
public sealed class SqliteLiveIndexTests(SqliteStorefrontSite site) : LiveIndexTests(site);

[Collection(PostgresStorefrontGroup.Name)]
public sealed class PostgresLiveIndexTests(PostgresStorefrontSite site) : LiveIndexTests(site);
