using Microsoft.Extensions.DependencyInjection;
using VillageCraftPortal.Commerce.Persistence;
using VillageCraftPortal.Site.Tests.Infrastructure;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Site.Tests.Commerce;

public sealed class SavepointExtensionsTests
{
    [Fact]
    public async Task Savepoints_are_off_for_the_work_and_restored_after_it_even_when_it_fails()
    {
        await using var services = await ServiceHarness.CreateAsync(DatabaseKind.Sqlite);
        await services.InScopeAsync(async sp =>
        {
            var database = sp.GetRequiredService<AppDbContext>().Database;

            var during = await database.WithoutSavepointsAsync(() => Task.FromResult(database.AutoSavepointsEnabled));
            await Assert.ThrowsAsync<InvalidOperationException>(() => database.WithoutSavepointsAsync<int>(() => throw new InvalidOperationException("failed")));

            Assert.False(during);
            Assert.True(database.AutoSavepointsEnabled);
        });
    }
}
