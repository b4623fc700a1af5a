using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace VillageCraftPortal.Web.Infrastructure.Database;

/// <summary>
/// Queues the site's SQLite writers in process, one at a time per database file. SQLite allows a single writer, and
/// Microsoft.Data.Sqlite answers a busy database by blocking the thread for 150 ms and trying again, so under load
/// requests pile up on sleeping threads (a checkout measured 11 orders/s, most of its time in Thread.Sleep). Here a
/// writer waits asynchronously, in order, for the span SQLite would lock: a transaction from its start (the
/// provider begins them IMMEDIATE) to its end, and a write outside a transaction for its statement. Plain reads
/// never wait: write-ahead logging lets them run beside the writer.
/// </summary>
public sealed class SqliteWriteGate : IDbCommandInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private readonly ConditionalWeakTable<DbConnection, Holding> _held = [];

    // A finished transaction no longer knows its connection, so the gate remembers it.
    private readonly ConditionalWeakTable<DbTransaction, DbConnection> _transactions = [];
    private readonly TimeSpan _timeout;

    public SqliteWriteGate(TimeSpan timeout) => _timeout = timeout;

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (Needs(connection) is { } gate)
        {
            if (!gate.Wait(_timeout))
            {
                throw Busy();
            }

            _held.AddOrUpdate(connection, new Holding(gate, UntilTransactionEnds: true));
        }

        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (Needs(connection) is { } gate)
        {
            if (!await gate.WaitAsync(_timeout, cancellationToken))
            {
                throw Busy();
            }

            _held.AddOrUpdate(connection, new Holding(gate, UntilTransactionEnds: true));
        }

        return result;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        _transactions.AddOrUpdate(result, connection);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        _transactions.AddOrUpdate(result, connection);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Enter(command);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(command, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Enter(command);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(command, cancellationToken);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Enter(command);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(command, cancellationToken);
        return result;
    }

    // A write outside a transaction holds SQLite's lock until its statement is done: for a reader (INSERT … RETURNING),
    // until the reader is closed.
    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        LeaveStatement(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        LeaveStatement(command);
        return ValueTask.FromResult(result);
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        LeaveStatement(command);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        LeaveStatement(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        LeaveStatement(command);
        return result;
    }

    public ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        LeaveStatement(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        LeaveStatement(command);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => LeaveStatement(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveStatement(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => LeaveStatement(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveStatement(command);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => LeaveTransaction(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveTransaction(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => LeaveTransaction(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveTransaction(transaction);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => LeaveTransaction(transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveTransaction(transaction);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback (an exception) ends with its connection.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Leave(connection);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Leave(connection);
        return Task.CompletedTask;
    }

    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Leave(connection);

    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Leave(connection);
        return Task.CompletedTask;
    }

    /// <summary>Whether the statement writes: SQLite takes its write lock for these.</summary>
    public static bool Writes(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        foreach (var verb in (ReadOnlySpan<string>)["INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER"])
        {
            if (text.StartsWith(verb, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private void Enter(DbCommand command)
    {
        if (NeedsForStatement(command) is { } gate)
        {
            if (!gate.Wait(_timeout))
            {
                throw Busy();
            }

            Hold(command, gate);
        }
    }

    private async ValueTask EnterAsync(DbCommand command, CancellationToken cancellationToken)
    {
        if (NeedsForStatement(command) is { } gate)
        {
            if (!await gate.WaitAsync(_timeout, cancellationToken))
            {
                throw Busy();
            }

            Hold(command, gate);
        }
    }

    // A transaction begun outside EF (no interceptor saw it) is held like one, until its connection closes.
    private SemaphoreSlim? NeedsForStatement(DbCommand command) =>
        command.Connection is { } connection && Writes(command.CommandText) ? Needs(connection) : null;

    private SemaphoreSlim? Needs(DbConnection connection) =>
        connection is SqliteConnection { DataSource: { Length: > 0 } file } && !_held.TryGetValue(connection, out _)
            ? Gates.GetOrAdd(file, static _ => new SemaphoreSlim(1, 1))
            : null;

    private void Hold(DbCommand command, SemaphoreSlim gate) =>
        _held.AddOrUpdate(command.Connection!, new Holding(gate, command.Transaction is not null));

    private void LeaveTransaction(DbTransaction? transaction)
    {
        // A transaction that failed to begin has no object yet: its connection's closing gives the place back.
        if (transaction is not null && _transactions.TryGetValue(transaction, out var connection))
        {
            _transactions.Remove(transaction);
            Leave(connection);
        }
    }

    private void LeaveStatement(DbCommand command)
    {
        if (command.Connection is { } connection && _held.TryGetValue(connection, out var holding) && !holding.UntilTransactionEnds)
        {
            Leave(connection);
        }
    }

    private void Leave(DbConnection? connection)
    {
        if (connection is not null && _held.TryGetValue(connection, out var holding) && _held.Remove(connection))
        {
            holding.Gate.Release();
        }
    }

    private static SqliteException Busy() => new("The database stayed busy: another write did not finish in time.", 5);

    private sealed record Holding(SemaphoreSlim Gate, bool UntilTransactionEnds);
}
