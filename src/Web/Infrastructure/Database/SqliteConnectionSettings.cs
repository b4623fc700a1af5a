using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace VillageCraftPortal.Web.Infrastructure.Database;

/// <summary>
/// Per-connection SQLite settings. With write-ahead logging, synchronous=NORMAL syncs the log at checkpoints
/// instead of at every commit: the database stays consistent after any crash, and a process crash loses nothing;
/// only a power cut or kernel crash can lose the last commits. It is the setting SQLite's documentation gives for
/// WAL, and it shortens every write the one-writer queue (<see cref="SqliteWriteGate"/>) waits for.
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
