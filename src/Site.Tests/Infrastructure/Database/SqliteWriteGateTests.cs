using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using VillageCraftPortal.Web.Infrastructure.Database;

namespace VillageCraftPortal.Site.Tests.Infrastructure.Database;

/// <summary>
/// The in-process queue of SQLite writers. Each case would hang on a gate that is never given back, so the gate
/// here waits 3 s at most and then fails the write: a leak shows as a SqliteException, not as a slow test.
/// </summary>
public sealed class SqliteWriteGateTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);
    private readonly SqliteWriteGate _gate = new(Patience);
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var db = Context();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE Probe (Id INTEGER PRIMARY KEY, Value INTEGER NOT NULL)");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData("INSERT INTO \"Cart\" (\"Id\") VALUES (@p0) RETURNING \"Id\";", true)]
    [InlineData("  \n update \"Cart\" AS c SET \"UpdatedAt\" = @p", true)]
    [InlineData("DELETE FROM \"CartLine\" AS c WHERE c.\"CartId\" = @id", true)]
    [InlineData("REPLACE INTO Probe VALUES (1, 1)", true)]
    [InlineData("CREATE INDEX ix ON Probe (Value)", true)]
    [InlineData("SELECT c.\"Id\" FROM \"Cart\" AS c", false)]
    [InlineData("PRAGMA synchronous=NORMAL;", false)]
    [InlineData("", false)]
    public void Statements_that_take_SQLite_s_write_lock_are_recognised(string sql, bool writes) =>
        Assert.Equal(writes, SqliteWriteGate.Writes(sql));

    [Fact]
    public async Task A_transaction_abandoned_by_an_exception_gives_the_gate_back()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var db = Context();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync("INSERT INTO Probe (Value) VALUES (1)");
            throw new InvalidOperationException("the request failed half way");
        });

        await using var next = Context();
        await next.Database.ExecuteSqlRawAsync("INSERT INTO Probe (Value) VALUES (2)");
        Assert.Equal([2], await Values(next));
    }

    [Fact]
    public async Task A_transaction_writes_many_times_and_commits_without_waiting_for_itself()
    {
        await using (var db = Context())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var i = 1; i <= 3; i++)
            {
                await db.Database.ExecuteSqlAsync($"INSERT INTO Probe (Value) VALUES ({i})");
            }

            await transaction.CommitAsync();
        }

        await using var next = Context();
        await next.Database.ExecuteSqlRawAsync("UPDATE Probe SET Value = Value * 10");
        Assert.Equal([10, 20, 30], await Values(next));
    }

    [Fact]
    public async Task A_write_outside_a_transaction_through_a_reader_gives_the_gate_back_when_read()
    {
        await using (var db = Context())
        {
            var ids = await db.Database.SqlQueryRaw<long>("INSERT INTO Probe (Value) VALUES (7) RETURNING Id AS Value").ToListAsync();
            Assert.Single(ids);
        }

        await using var next = Context();
        await next.Database.ExecuteSqlRawAsync("INSERT INTO Probe (Value) VALUES (8)");
        Assert.Equal([7, 8], await Values(next));
    }

    [Fact]
    public async Task Concurrent_writers_queue_and_none_is_lost()
    {
        await using (var seed = Context())
        {
            await seed.Database.ExecuteSqlRawAsync("INSERT INTO Probe (Id, Value) VALUES (1, 0)");
        }

        // Read-modify-write in a transaction: lost updates or busy errors would show in the total.
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(async () =>
        {
            await using var db = Context();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var value = await db.Database.SqlQueryRaw<long>("SELECT Value FROM Probe WHERE Id = 1").SingleAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE Probe SET Value = {value + 1} WHERE Id = 1");
            await transaction.CommitAsync();
        })));

        await using var check = Context();
        Assert.Equal([40], await Values(check));
    }

    [Fact]
    public async Task A_writer_kept_waiting_past_the_limit_gets_a_clear_error()
    {
        await using var holder = Context();
        await using var transaction = await holder.Database.BeginTransactionAsync();

        await using var waiting = Context();
        var error = await Assert.ThrowsAsync<SqliteException>(() => waiting.Database.ExecuteSqlRawAsync("INSERT INTO Probe (Value) VALUES (1)"));

        Assert.Equal(5, error.SqliteErrorCode);
        Assert.Contains("busy", error.Message, StringComparison.Ordinal);
    }

    private SqliteAppDbContext Context() =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(_database.ConnectionString).AddInterceptors(_gate).Options);

    private static Task<List<long>> Values(AppDbContext db) => db.Database.SqlQueryRaw<long>("SELECT Value FROM Probe ORDER BY Id").ToListAsync();
}
